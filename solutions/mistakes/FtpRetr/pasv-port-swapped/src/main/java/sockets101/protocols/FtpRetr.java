package sockets101.protocols;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Known mistake: computes the data port from PASV's last two numbers in the wrong order
 * (p2 * 256 + p1). The port is p1 * 256 + p2: p1 is the high byte.
 */
public final class FtpRetr {
    private static final Pattern PASV = Pattern.compile("(\\d+),(\\d+),(\\d+),(\\d+),(\\d+),(\\d+)");

    private FtpRetr() {
    }

    public static byte[] retrieve(InetSocketAddress server, String user, String password, String path,
                                  Duration timeout) throws IOException {
        return transfer(server, user, password, "RETR " + path, timeout);
    }

    public static List<String> list(InetSocketAddress server, String user, String password, String directory,
                                    Duration timeout) throws IOException {
        String text = new String(transfer(server, user, password, "LIST " + directory, timeout), StandardCharsets.UTF_8);
        return text.lines().filter(l -> !l.isBlank()).toList();
    }

    private static byte[] transfer(InetSocketAddress server, String user, String password, String command,
                                   Duration timeout) throws IOException {
        int millis = (int) timeout.toMillis();
        try (Socket control = new Socket()) {
            control.connect(server, millis);
            control.setSoTimeout(millis);
            BufferedReader in = new BufferedReader(new InputStreamReader(control.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = control.getOutputStream();
            reply(in, 2);
            send(out, "USER " + user);
            if (reply(in, 2, 3).startsWith("331")) {
                send(out, "PASS " + password);
                reply(in, 2);
            }
            send(out, "TYPE I");
            reply(in, 2);
            send(out, "PASV");
            Matcher m = PASV.matcher(reply(in, 2));
            if (!m.find()) {
                throw new IOException("no address in the PASV reply");
            }
            String host = m.group(1) + "." + m.group(2) + "." + m.group(3) + "." + m.group(4);
            int port = Integer.parseInt(m.group(6)) * 256 + Integer.parseInt(m.group(5));
            byte[] data;
            try (Socket transfer = new Socket()) {
                transfer.connect(new InetSocketAddress(host, port), millis);
                transfer.setSoTimeout(millis);
                send(out, command);
                reply(in, 1);
                try (InputStream stream = transfer.getInputStream()) {
                    // The data connection carries the bytes; its EOF is the end of the file.
                    data = stream.readAllBytes();
                }
            }
            reply(in, 2);
            send(out, "QUIT");
            reply(in, 2);
            return data;
        }
    }

    private static void send(OutputStream out, String command) throws IOException {
        out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Reads a whole reply ("123-" lines up to "123 ") and checks its first digit. */
    private static String reply(BufferedReader in, int... classes) throws IOException {
        String line = in.readLine();
        if (line == null) {
            throw new EOFException("the server closed the control connection");
        }
        if (line.length() > 3 && line.charAt(3) == '-') {
            String end = line.substring(0, 3) + " ";
            String next;
            do {
                next = in.readLine();
                if (next == null) {
                    throw new EOFException("the server closed the control connection");
                }
            } while (!next.startsWith(end));
        }
        for (int c : classes) {
            if (line.charAt(0) == (char) ('0' + c)) {
                return line;
            }
        }
        throw new IOException("unexpected FTP reply: " + line);
    }
}
