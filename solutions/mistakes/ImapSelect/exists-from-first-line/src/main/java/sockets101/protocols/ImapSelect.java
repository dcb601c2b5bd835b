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
import java.util.ArrayList;
import java.util.List;

/**
 * Known mistake: takes the count from the first untagged line of SELECT. The server sends FLAGS,
 * EXISTS, RECENT and others in any order; the count is on the line that says EXISTS.
 */
public final class ImapSelect {
    private ImapSelect() {
    }

    public static int exists(InetSocketAddress server, String user, String password, String mailbox,
                             Duration timeout) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(server, (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            String greeting = in.readLine();
            if (greeting == null || !greeting.startsWith("* OK")) {
                throw new IOException("not an IMAP greeting: " + greeting);
            }
            command(in, out, "a1", "LOGIN " + quoted(user) + " " + quoted(password));
            int exists = -1;
            List<String> lines = command(in, out, "a2", "SELECT " + quoted(mailbox));
            if (!lines.isEmpty()) {
                String[] words = lines.get(0).split(" ");
                try {
                    exists = Integer.parseInt(words[1]);
                } catch (NumberFormatException e) {
                    exists = 0;
                }
            }
            if (exists < 0) {
                throw new IOException("SELECT gave no EXISTS count");
            }
            command(in, out, "a3", "LOGOUT");
            return exists;
        }
    }

    /** IMAP quoted string: backslash and double quote escaped, so spaces survive. */
    private static String quoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** Sends a tagged command and returns the untagged lines before its tagged OK. */
    private static List<String> command(BufferedReader in, OutputStream out, String tag, String command)
            throws IOException {
        out.write((tag + " " + command + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        List<String> untagged = new ArrayList<>();
        while (true) {
            String line = in.readLine();
            if (line == null) {
                throw new EOFException("the server closed the connection");
            }
            if (line.startsWith(tag + " ")) {
                if (!line.startsWith(tag + " OK")) {
                    throw new IOException("IMAP " + command.split(" ")[0] + " failed: " + line);
                }
                return untagged;
            }
            untagged.add(line);
        }
    }
}
