package sockets101.general;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Reference solution of exercise {@code Send}. */
public final class Send {
    private Send() {
    }

    /**
     * Sends {@code text} as one frame: the 4-byte big-endian length of its UTF-8 bytes, then the bytes.
     *
     * @param socket a connected socket, left open
     * @param text   the message
     * @throws IOException if writing fails
     */
    public static void send(Socket socket, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        // The whole frame in ONE write: a 4-byte header written on its own is a small segment,
        // and Nagle's algorithm holds the body back until the peer acknowledges it (lesson 06).
        byte[] frame = ByteBuffer.allocate(Integer.BYTES + bytes.length).putInt(bytes.length).put(bytes).array();
        // Not closed on purpose: closing a socket's stream closes the socket.
        OutputStream out = socket.getOutputStream();
        out.write(frame);
        out.flush();
    }
}
