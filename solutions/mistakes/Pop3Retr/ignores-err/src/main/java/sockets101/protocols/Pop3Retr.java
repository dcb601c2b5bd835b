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
 * Known mistake: never looks at "+OK" or "-ERR". A wrong password then shows up later as a
 * NumberFormatException parsing STAT, not as the IOException that says what went wrong.
 */
public final class Pop3Retr {
    private Pop3Retr() {
    }

    /** The mailbox as STAT tells it (messages and octets) and the text of the message retrieved. */
    public record Result(int messages, long octets, String message) {
    }

    public static Result retrieve(InetSocketAddress server, String user, String password, int number,
                                  Duration timeout) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(server, (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            ok(in);
            command(out, "USER " + user);
            ok(in);
            command(out, "PASS " + password);
            ok(in);
            command(out, "STAT");
            String[] stat = ok(in).split(" ");
            int messages = Integer.parseInt(stat[1]);
            long octets = Long.parseLong(stat[2]);
            command(out, "RETR " + number);
            ok(in);
            StringBuilder text = new StringBuilder();
            for (String line = in.readLine(); ; line = in.readLine()) {
                if (line == null) {
                    throw new EOFException("the server closed the connection inside a message");
                }
                if (line.equals(".")) {
                    break;
                }
                // Byte-stuffing: the server doubled every leading "."; take one away.
                text.append(line.startsWith(".") ? line.substring(1) : line).append("\r\n");
            }
            command(out, "QUIT");
            ok(in);
            return new Result(messages, octets, text.toString());
        }
    }

    private static void command(OutputStream out, String command) throws IOException {
        out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Reads one status line; anything but "+OK" is an error. */
    private static String ok(BufferedReader in) throws IOException {
        String line = in.readLine();
        if (line == null) {
            throw new EOFException("the server closed the connection");
        }
        return line;
    }
}
