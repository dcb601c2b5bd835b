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

/**
 * Known mistake: returns the article lines as they come, with the doubled "." the server added at
 * the start of lines (dot-stuffing) still there.
 */
public final class NntpArticle {
    private NntpArticle() {
    }

    /** The group as GROUP tells it (estimated count, low and high numbers) and its first article. */
    public record Article(long count, long low, long high, String text) {
    }

    public static Article first(InetSocketAddress server, String group, Duration timeout) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(server, (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            expect(in, "200", "201");
            send(out, "GROUP " + group);
            // 211 count low high group (RFC 3977 § 6.1.1)
            String[] fields = expect(in, "211").split(" ");
            long count = Long.parseLong(fields[1]);
            long low = Long.parseLong(fields[2]);
            long high = Long.parseLong(fields[3]);
            if (count == 0) {
                throw new IOException("group " + group + " has no articles");
            }
            send(out, "ARTICLE " + low);
            expect(in, "220");
            StringBuilder text = new StringBuilder();
            for (String line = in.readLine(); ; line = in.readLine()) {
                if (line == null) {
                    throw new EOFException("the server closed the connection inside an article");
                }
                if (line.equals(".")) {
                    break;
                }
                text.append(line).append("\r\n");
            }
            send(out, "QUIT");
            expect(in, "205");
            return new Article(count, low, high, text.toString());
        }
    }

    private static void send(OutputStream out, String command) throws IOException {
        out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String expect(BufferedReader in, String... codes) throws IOException {
        String line = in.readLine();
        if (line == null) {
            throw new EOFException("the server closed the connection");
        }
        for (String code : codes) {
            if (line.startsWith(code + " ") || line.equals(code)) {
                return line;
            }
        }
        throw new IOException("unexpected NNTP response: " + line);
    }
}
