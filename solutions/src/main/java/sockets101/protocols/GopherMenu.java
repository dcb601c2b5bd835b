package sockets101.protocols;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reference solution of exercise {@code GopherMenu}. */
public final class GopherMenu {
    private GopherMenu() {
    }

    /** One line of a Gopher menu (RFC 1436): type, display string, selector, host and port. */
    public record Item(char type, String display, String selector, String host, int port) {
    }

    public static List<Item> menu(InetSocketAddress server, String selector, Duration timeout) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(server, (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            // The whole request is the selector and CRLF.
            out.write((selector + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            List<Item> items = new ArrayList<>();
            for (String line = in.readLine(); line != null && !line.equals("."); line = in.readLine()) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] fields = line.substring(1).split("\t", -1);
                if (fields.length < 4) {
                    throw new IOException("not a Gopher menu line: " + line);
                }
                try {
                    items.add(new Item(line.charAt(0), fields[0], fields[1], fields[2], Integer.parseInt(fields[3].trim())));
                } catch (NumberFormatException e) {
                    throw new IOException("bad port in menu line: " + line, e);
                }
            }
            return items;
        }
    }
}
