package sockets101.general;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Known mistake: writing through a {@link BufferedOutputStream} "for speed" and never calling
 * {@code flush()}. A small frame stays in the buffer, which is dropped when the method returns:
 * the peer waits for bytes that never leave this machine.
 */
public final class Send {
    private Send() {
    }

    public static void send(Socket socket, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
        out.writeInt(bytes.length);
        out.write(bytes);
    }
}
