package sockets101.protocols;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** Reference solution of exercise {@code SmtpSend}. */
public final class SmtpSend {
    private SmtpSend() {
    }

    public static String send(InetSocketAddress server, String from, List<String> to, String message,
                              Duration timeout) throws IOException {
        if (to.isEmpty()) {
            throw new IllegalArgumentException("no recipients");
        }
        try (Socket socket = new Socket()) {
            socket.connect(server, (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            expect(in, 220);
            command(out, "EHLO localhost");
            expect(in, 250);
            command(out, "MAIL FROM:<" + from + ">");
            expect(in, 250);
            for (String recipient : to) {
                command(out, "RCPT TO:<" + recipient + ">");
                expect(in, 250, 251);
            }
            command(out, "DATA");
            expect(in, 354);
            StringBuilder data = new StringBuilder();
            String[] lines = message.split("\r?\n", -1);
            // A final line break ends the last line; it does not start an empty one.
            int count = lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
            for (int i = 0; i < count; i++) {
                // Dot-stuffing (RFC 5321 § 4.5.2): a line that starts with "." gets one more.
                data.append(lines[i].startsWith(".") ? "." + lines[i] : lines[i]).append("\r\n");
            }
            data.append(".\r\n");
            out.write(data.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            String accepted = expect(in, 250);
            command(out, "QUIT");
            expect(in, 221);
            return accepted;
        }
    }

    private static void command(OutputStream out, String command) throws IOException {
        out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Reads a whole reply, every "250-" line up to the "250 " one, and checks its code. */
    private static String expect(BufferedReader in, int... codes) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new EOFException("the server closed the connection");
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        int code;
        try {
            code = Integer.parseInt(line.substring(0, 3));
        } catch (RuntimeException e) {
            throw new IOException("not an SMTP reply: " + line, e);
        }
        for (int expected : codes) {
            if (code == expected) {
                return line;
            }
        }
        throw new IOException("unexpected SMTP reply: " + line);
    }
}
