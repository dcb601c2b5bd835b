package sockets101.protocols;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Known mistake: says yes to every option (DO -> WILL, WILL -> DO). The client then promises to
 * speak options it does not implement; the simplest correct client refuses them all.
 */
public final class TelnetBanner {
    static final int IAC = 255;
    static final int DONT = 254;
    static final int DO = 253;
    static final int WONT = 252;
    static final int WILL = 251;
    static final int SB = 250;
    static final int SE = 240;

    private TelnetBanner() {
    }

    public static String banner(InetSocketAddress server, Duration timeout) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(server, (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            for (int b = in.read(); b >= 0; b = in.read()) {
                if (b != IAC) {
                    text.write(b);
                    continue;
                }
                int command = in.read();
                switch (command) {
                    case IAC -> text.write(IAC); // IAC IAC is a data byte 255
                    case DO, DONT, WILL, WONT -> {
                        int option = in.read();
                        if (option < 0) {
                            return text.toString(StandardCharsets.UTF_8);
                        }
                        // Refuse everything (RFC 855): DO -> WONT, WILL -> DONT; never answer a refusal.
                        if (command == DO) {
                            out.write(new byte[] {(byte) IAC, (byte) WILL, (byte) option});
                            out.flush();
                        } else if (command == WILL) {
                            out.write(new byte[] {(byte) IAC, (byte) DO, (byte) option});
                            out.flush();
                        }
                    }
                    case SB -> skipSubnegotiation(in);
                    case -1 -> {
                        return text.toString(StandardCharsets.UTF_8);
                    }
                    default -> {
                        // NOP, GA, AYT...: two-byte commands with no data
                    }
                }
            }
            return text.toString(StandardCharsets.UTF_8);
        }
    }

    /** Skips up to IAC SE (a doubled IAC inside is data). */
    private static void skipSubnegotiation(InputStream in) throws IOException {
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == IAC) {
                int next = in.read();
                if (next == SE || next < 0) {
                    return;
                }
            }
        }
    }
}
