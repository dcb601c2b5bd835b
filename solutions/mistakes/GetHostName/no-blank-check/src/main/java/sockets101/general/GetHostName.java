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
 * Known mistake: passing a blank name straight to {@code InetAddress.getAllByName}. Java does
 * not reject it: {@code getAllByName("")} answers with the loopback address, so a missing
 * configuration value silently becomes "this machine".
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
        return List.of(InetAddress.getAllByName(host));
    }
}
