package sockets101.general;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Reference solution of exercise {@code ReadLine}. */
public final class ReadLine {
    private ReadLine() {
    }

    /**
     * Reads one line of UTF-8 text, without its ending ({@code \n} or {@code \r\n}), refusing a line
     * longer than {@code maxBytes} bytes as soon as it gets that long.
     *
     * @param socket   a connected socket; not closed by this method
     * @param maxBytes the most bytes a line may have, not counting its ending; at least 1
     * @return the line, or {@code null} if the peer closed before it began
     * @throws IOException if the line is too long, or reading fails
     */
    public static String readLine(Socket socket, int maxBytes) throws IOException {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1, not " + maxBytes);
        }
        // Byte by byte from the socket itself: a buffer would read ahead into the next line and lose it.
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) {
                return line.size() == 0 ? null : text(line);
            }
            line.write(b);
            // One byte more is allowed only for the \r of a \r\n ending.
            if (line.size() > maxBytes && (b != '\r' || line.size() > maxBytes + 1)) {
                throw new IOException("line longer than " + maxBytes + " bytes");
            }
        }
        return text(line);
    }

    /** The line's bytes as UTF-8, without the \r of a \r\n ending. */
    private static String text(ByteArrayOutputStream line) {
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
}
