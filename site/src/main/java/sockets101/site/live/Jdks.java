package sockets101.site.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JDKs of this machine, for snippets that need a newer one than the server runs on: a page's
 * snippet block carries {@code data-jdk="21"} when its snippet needs JDK 21 or newer. JShell
 * compiles in the server's own JVM, so the whole server (and with it every kernel) runs on such a
 * JDK; {@link LiveServer#main} relaunches itself on one when the site needs it.
 */
final class Jdks {
    private static final Pattern DATA_JDK = Pattern.compile("data-jdk=\"(\\d+)\"");
    private static final Pattern VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    /** A JDK: its home folder and feature version (17, 21, 25...). */
    record Jdk(Path home, int feature) {
        Path java() {
            return home.resolve("bin").resolve(System.getProperty("os.name").startsWith("Windows") ? "java.exe" : "java");
        }
    }

    private Jdks() {
    }

    /** The highest {@code data-jdk} of the site's pages, or 0. */
    static int needed(Path site) {
        int max = 0;
        try (Stream<Path> files = Files.walk(site)) {
            for (Path page : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = DATA_JDK.matcher(Files.readString(page, StandardCharsets.UTF_8));
                while (m.find()) {
                    max = Math.max(max, Integer.parseInt(m.group(1)));
                }
            }
        } catch (IOException | RuntimeException e) {
            return max; // a page that cannot be read needs nothing from here
        }
        return max;
    }

    /**
     * The newest JDK of at least {@code feature} found in {@code given} (the {@code --jdk} option,
     * if any), {@code JAVA_HOME}, {@code /usr/lib/jvm/*} (Linux) or
     * {@code /Library/Java/JavaVirtualMachines/* /Contents/Home} (macOS).
     */
    static Optional<Jdk> find(int feature, Path given) {
        List<Path> homes = new ArrayList<>();
        if (given != null) {
            homes.add(given);
        }
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank()) {
            homes.add(Path.of(javaHome));
        }
        for (Path folder : List.of(Path.of("/usr/lib/jvm"), Path.of("/Library/Java/JavaVirtualMachines"))) {
            try (Stream<Path> list = Files.list(folder)) {
                list.sorted().forEach(p -> homes.add(Files.isDirectory(p.resolve("Contents/Home")) ? p.resolve("Contents/Home") : p));
            } catch (IOException | RuntimeException e) {
                // no such folder on this OS
            }
        }
        return homes.stream().map(Jdks::describe).flatMap(Optional::stream).filter(j -> j.feature() >= feature)
                .filter(j -> Files.isExecutable(j.java()))
                .max(Comparator.comparingInt(Jdk::feature).thenComparing(j -> given != null && j.home().equals(given)));
    }

    private static Optional<Jdk> describe(Path home) {
        try {
            Matcher m = VERSION.matcher(Files.readString(home.resolve("release"), StandardCharsets.UTF_8));
            return m.find() ? Optional.of(new Jdk(home.toAbsolutePath().normalize(), Integer.parseInt(m.group(1))))
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** What a cell that needs JDK {@code feature} is told when the server runs on an older one. */
    static String tooOld(int feature) {
        int running = Runtime.version().feature();
        Optional<Jdk> newer = find(feature, null);
        return "this snippet needs JDK " + feature + " or newer, and the live server runs on JDK " + running + ": "
                + newer.map(j -> "restart it (a JDK " + j.feature() + " is at " + j.home() + "; the run command "
                        + "uses it by itself, or give --jdk " + j.home() + ")")
                .orElse("no JDK " + feature + " or newer was found on this machine (JAVA_HOME, /usr/lib/jvm, "
                        + "/Library/Java/JavaVirtualMachines): install one and restart the server, or give --jdk PATH");
    }
}
