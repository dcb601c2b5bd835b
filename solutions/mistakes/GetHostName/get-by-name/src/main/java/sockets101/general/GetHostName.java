package sockets101.general;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Known mistake: {@code InetAddress.getByName(host)}, which returns only the first address. A
 * name with both an IPv4 and an IPv6 address, or with several servers, loses all the others,
 * and a client can no longer try the next one when the first does not answer.
 */
public final class GetHostName {
    private GetHostName() {
    }

    public static String hostname() throws IOException {
        Path proc = Path.of("/proc/sys/kernel/hostname");
        if (Files.isReadable(proc)) {
            return Files.readString(proc, StandardCharsets.UTF_8).strip();
        }
        Process process = new ProcessBuilder("hostname").start();
        try {
            byte[] out = process.getInputStream().readAllBytes();
            process.waitFor(5, TimeUnit.SECONDS);
            return new String(out, StandardCharsets.UTF_8).strip();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    public static List<InetAddress> resolve(String host) throws UnknownHostException {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host name is blank");
        }
        return List.of(InetAddress.getByName(host));
    }
}
