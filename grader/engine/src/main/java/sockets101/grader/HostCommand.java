package sockets101.grader;

import sockets101.grader.remote.Host;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The command of a submission JVM ({@link Host}): a small class path of its own (the host's
 * classes, copied out of the grader, then the submission's classes), limited memory, no attach,
 * in its own folder, inside the {@link Sandbox}.
 */
final class HostCommand {
    private final Sandbox sandbox;
    private final Path hostClasses;
    private final Lang lang;

    private HostCommand(Sandbox sandbox, Path hostClasses, Lang lang) {
        this.sandbox = sandbox;
        this.hostClasses = hostClasses;
        this.lang = lang;
    }

    /** Copies the host's classes into {@code work/host} (readable by all, writable by the grader only). */
    static HostCommand prepare(Sandbox sandbox, Path work, Lang lang) throws IOException {
        Path dir = Files.createDirectories(work.resolve("host"));
        String prefix = Host.class.getPackageName().replace('.', '/') + "/";
        Path source;
        try {
            source = Path.of(Host.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        if (Files.isDirectory(source)) {
            try (Stream<Path> files = Files.list(source.resolve(prefix))) {
                Path target = Files.createDirectories(dir.resolve(prefix));
                for (Path f : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    Files.copy(f, target.resolve(f.getFileName().toString()));
                }
            }
        } else {
            try (JarFile jar = new JarFile(source.toFile())) {
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                    JarEntry entry = e.nextElement();
                    if (entry.getName().startsWith(prefix) && entry.getName().endsWith(".class")) {
                        Path target = dir.resolve(entry.getName());
                        Files.createDirectories(target.getParent());
                        try (InputStream in = jar.getInputStream(entry)) {
                            Files.copy(in, target);
                        }
                    }
                }
            }
        }
        return new HostCommand(sandbox, dir, lang);
    }

    /** A new submission JVM's process builder, in a fresh private folder under {@code work}. */
    ProcessBuilder builder(String name, Path classes, Path work) {
        try {
            Path tmp = sandbox.privateDir(work, "run-" + name);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-Xss1m",
                    "-XX:MaxDirectMemorySize=64m", "-XX:MaxMetaspaceSize=128m", "-XX:CompressedClassSpaceSize=64m",
                    "-XX:ReservedCodeCacheSize=48m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                    "-XX:+DisableAttachMechanism", "-XX:-UsePerfData",
                    "-Dfile.encoding=UTF-8", "-Dsun.stdout.encoding=UTF-8", "-Dsun.stderr.encoding=UTF-8",
                    "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8",
                    "-D" + Lang.PROPERTY + "=" + lang.code(), "-Djava.io.tmpdir=" + tmp, "-Duser.home=" + tmp,
                    "-cp", hostClasses + File.pathSeparator + classes, Host.class.getName()));
            return sandbox.builder(command, tmp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
