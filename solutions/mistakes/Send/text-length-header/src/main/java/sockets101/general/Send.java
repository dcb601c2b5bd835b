package sockets101.general;

import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Known mistake: the header says {@code text.length()}, the number of UTF-16 characters, while
 * the body holds the UTF-8 bytes. Any non-ASCII text ({@code ñ}, {@code €}, an emoji) makes the
 * header too short, and the receiver cuts the text and reads the rest as the next frame.
 */
public final class Send {
    private Send() {
    }

    public static void send(Socket socket, String text) throws IOException {
        DataOutputStream out = new DataOutputStream(socket.getOutputStream());
        out.writeInt(text.length());
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
