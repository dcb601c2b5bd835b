package sockets101.general;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Reference solution of exercise {@code GetHostName}. */
public final class GetHostName {
    private GetHostName() {
    }

    /**
     * The name the operating system gives this machine, without resolving it.
     *
     * @throws IOException if the name cannot be read
     */
    public static String hostname() throws IOException {
        // Linux keeps it here; reading a file is cheaper than starting a process.
        Path proc = Path.of("/proc/sys/kernel/hostname");
        if (Files.isReadable(proc)) {
            return Files.readString(proc, StandardCharsets.UTF_8).strip();
        }
        // Windows, macOS and the BSDs all have a hostname command that prints gethostname().
        Process process = new ProcessBuilder("hostname").redirectErrorStream(true).start();
        try {
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(5, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("the hostname command failed: " + new String(out, StandardCharsets.UTF_8).strip());
            }
            return new String(out, StandardCharsets.UTF_8).strip();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running hostname", e);
        } finally {
            process.destroy();
        }
    }

    /**
     * Every address of {@code host}.
     *
     * @throws IllegalArgumentException if {@code host} is blank
     * @throws UnknownHostException     if the name does not resolve
     */
    public static List<InetAddress> resolve(String host) throws UnknownHostException {
        if (host == null || host.isBlank()) {
            // InetAddress.getAllByName("") would answer with the loopback address.
            throw new IllegalArgumentException("host name is blank");
        }
        return List.of(InetAddress.getAllByName(host));
    }
}
