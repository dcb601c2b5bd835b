package sockets101.lessons;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a JDK of at least a given feature version on this machine, for the snippet files that
 * need a newer Java than the one running the build ({@code //! jdk 21}). Looks, in this order, at
 * the JDK named explicitly ({@code -Dsnippets.jdk=PATH}), at CI-style variables
 * ({@code JAVA_HOME_21_X64}, {@code JAVA_HOME_25_ARM64}, …), at {@code JAVA_HOME}, and at the usual
 * install folders of Linux, macOS, Windows, SDKMAN! and IntelliJ. A folder counts as a JDK when it
 * has {@code bin/java} and a {@code release} file whose {@code JAVA_VERSION} and {@code MODULES}
 * say its version and that it has JShell ({@code jdk.jshell}); of those that are new enough, the
 * oldest wins, so the output shows the least a reader needs.
 */
public final class JdkFinder {
    /** What to install and how to name it, for the message of a build that found nothing. */
    static final String HOW_TO = "install a JDK %d or later (for example Temurin from adoptium.net, or the"
            + " openjdk-%d-jdk package), then build again: it is found in the usual folders, or name it with"
            + " -Dsnippets.jdk=/path/to/that/jdk (or set JAVA_HOME_%d_X64 to it)";

    private static final Pattern CI_VARIABLE = Pattern.compile("JAVA_HOME_(\\d+)_[A-Z0-9]+");
    private static final Pattern VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"?(\\d+)");
    private static final Pattern MODULES = Pattern.compile("(?m)^MODULES=\"?([^\"\\n]*)");

    /** A JDK found: its home folder and feature version. */
    public record Jdk(Path home, int feature) {
        /** Its {@code java} launcher. */
        public Path java() {
            Path unix = home.resolve("bin").resolve("java");
            return Files.exists(unix) ? unix : home.resolve("bin").resolve("java.exe");
        }
    }

    private final Map<String, String> environment;
    private final List<Path> installFolders;

    /** A finder that reads this process's environment and this machine's usual install folders. */
    public JdkFinder() {
        this(System.getenv(), defaultFolders());
    }

    JdkFinder(Map<String, String> environment, List<Path> installFolders) {
        this.environment = environment;
        this.installFolders = installFolders;
    }

    /**
     * The JDK to run files that need {@code feature}: {@code explicit} if given (it must be a JDK of
     * that version or later), else the oldest one found that is new enough.
     *
     * @throws IllegalStateException naming what was looked at and what to install, if there is none
     */
    public Jdk find(int feature, Path explicit) {
        if (explicit != null) {
            Jdk named = inspect(explicit).orElseThrow(() -> new IllegalStateException(
                    "-Dsnippets.jdk=" + explicit + " is not a JDK with JShell (no bin/java, or no release file listing jdk.jshell)"));
            if (named.feature() < feature) {
                throw new IllegalStateException("-Dsnippets.jdk=" + explicit + " is JDK " + named.feature()
                        + ", but JDK " + feature + " or later is needed; " + String.format(HOW_TO, feature, feature, feature));
            }
            return named;
        }
        List<Path> looked = candidates();
        return looked.stream().map(JdkFinder::inspect).flatMap(Optional::stream)
                .filter(jdk -> jdk.feature() >= feature)
                .min(Comparator.comparingInt(Jdk::feature).thenComparing(jdk -> jdk.home().toString()))
                .orElseThrow(() -> new IllegalStateException("no JDK " + feature + " or later was found (looked at "
                        + (looked.isEmpty() ? "nothing" : looked.size() + " folder(s): " + shortList(looked)) + "); "
                        + String.format(HOW_TO, feature, feature, feature)));
    }

    /** Every folder worth a look, explicit variables first, without duplicates. */
    List<Path> candidates() {
        Set<Path> found = new LinkedHashSet<>();
        environment.entrySet().stream()
                .filter(e -> CI_VARIABLE.matcher(e.getKey()).matches())
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> found.add(Path.of(e.getValue())));
        String javaHome = environment.get("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank()) {
            found.add(Path.of(javaHome));
        }
        for (Path folder : installFolders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> children = Files.list(folder)) {
                children.sorted().forEach(child -> {
                    found.add(child);
                    found.add(child.resolve("Contents").resolve("Home")); // macOS bundles
                });
            } catch (IOException e) {
                // an unreadable folder holds no JDK we could use
            }
        }
        return new ArrayList<>(found);
    }

    /** The JDK at {@code home}, if it is one with JShell. */
    static Optional<Jdk> inspect(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return Optional.empty();
        }
        Jdk jdk;
        try {
            String text = Files.readString(release, StandardCharsets.UTF_8);
            Matcher version = VERSION.matcher(text);
            Matcher modules = MODULES.matcher(text);
            if (!version.find() || modules.find() && !List.of(modules.group(1).split("\\s+")).contains("jdk.jshell")) {
                return Optional.empty();
            }
            int feature = Integer.parseInt(version.group(1));
            jdk = new Jdk(home.toAbsolutePath().normalize(), feature == 1 ? 8 : feature);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Files.isRegularFile(jdk.java()) ? Optional.of(jdk) : Optional.empty();
    }

    private static String shortList(List<Path> paths) {
        List<String> names = paths.stream().map(Path::toString).filter(p -> !p.endsWith("Home")).limit(6).toList();
        return String.join(", ", names) + (paths.size() > names.size() * 2 ? ", …" : "");
    }

    private static List<Path> defaultFolders() {
        Path user = Path.of(System.getProperty("user.home"));
        List<Path> folders = new ArrayList<>(List.of(
                Path.of("/usr/lib/jvm"), Path.of("/usr/java"), Path.of("/opt/java"), Path.of("/opt"),
                Path.of("/Library/Java/JavaVirtualMachines"),
                user.resolve("Library/Java/JavaVirtualMachines"),
                user.resolve(".sdkman/candidates/java"), user.resolve(".jdks"),
                user.resolve(".local/share/mise/installs/java"), user.resolve(".asdf/installs/java")));
        for (String variable : List.of("ProgramFiles", "ProgramW6432")) {
            String programs = System.getenv(variable);
            if (programs != null) {
                for (String vendor : List.of("Java", "Eclipse Adoptium", "Microsoft", "Zulu", "Amazon Corretto", "BellSoft")) {
                    folders.add(Path.of(programs, vendor));
                }
            }
        }
        return folders;
    }
}
