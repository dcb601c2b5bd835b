package sockets101.general;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Known mistake: a new {@link BufferedInputStream} on every call. It reads ahead as many bytes
 * as have arrived, the next frame included, and those bytes vanish with it when the call
 * returns: the next call waits for a frame that was already received.
 */
public final class Recv {
    public static final int MAX_FRAME = 16 * 1024 * 1024;

    private Recv() {
    }

    public static String recv(Socket socket) throws IOException {
        InputStream buffered = new BufferedInputStream(socket.getInputStream());
        int first = buffered.read();
        if (first < 0) {
            return null;
        }
        DataInputStream in = new DataInputStream(buffered);
        byte[] rest = new byte[3];
        in.readFully(rest);
        int length = first << 24 | (rest[0] & 0xFF) << 16 | (rest[1] & 0xFF) << 8 | rest[2] & 0xFF;
        if (length < 0 || length > MAX_FRAME) {
            throw new IOException("frame length " + length + " is outside 0.." + MAX_FRAME);
        }
        byte[] body = new byte[length];
        in.readFully(body);
        return new String(body, StandardCharsets.UTF_8);
    }
}
