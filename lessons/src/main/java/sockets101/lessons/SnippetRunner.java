package sockets101.lessons;

import com.fasterxml.jackson.jr.ob.JSON;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs every {@code lessons/snippets/*.jsh}, one JShell per file, and records each snippet's
 * output where the site reads it: {@code OUT/NAME/TAG.txt} (the output of the snippets inside
 * {@code // tag::TAG[]}) and {@code OUT/NAME.json} (every snippet with its line, source and
 * output). A file whose text has not changed since its last clean run is not run again.
 * Fails, naming {@code file:line} and the reason, on a snippet that does not compile, throws
 * when not marked {@code // throws: Type}, or hits the time limit.
 *
 * <p>A file marked {@code //! jdk N} needs JDK N or later. If this JVM is older, the file runs in
 * a child runner on a JDK that {@link JdkFinder} finds (or {@code --jdk PATH} names): JShell
 * compiles against its own JDK, so the whole shell, not only its kernel, must be the newer one.
 * With no such JDK the file fails with a message that says what to install.
 *
 * <p>Usage: {@code SnippetRunner --snippets DIR --out DIR [--time-limit SECONDS] [--only NAME]...
 * [--jdk PATH] [--class-path CP]}
 */
public final class SnippetRunner {
    /** Bump when the recorded format changes, so cached outputs are made again. */
    private static final String FORMAT = "2";
    /** A failure line as {@link #main} prints it: {@code path:line: reason}. */
    private static final Pattern CHILD_FAILURE = Pattern.compile("(?m)^\\S+\\.jsh:(\\d+): (.*)$");

    private final Path snippets;
    private final Path out;
    private final Duration limit;
    private final String classPath;
    private final Path jdkOverride;
    private final JdkFinder finder;

    SnippetRunner(Path snippets, Path out, Duration limit, String classPath) {
        this(snippets, out, limit, classPath, null, new JdkFinder());
    }

    SnippetRunner(Path snippets, Path out, Duration limit, String classPath, Path jdkOverride, JdkFinder finder) {
        this.snippets = snippets;
        this.out = out;
        this.limit = limit;
        this.classPath = classPath;
        this.jdkOverride = jdkOverride;
        this.finder = finder;
    }

    /** How one file went; {@code jdk} is the feature version of the JDK that ran it in a child runner, else 0. */
    record FileReport(Path file, List<Result> results, boolean cached, double seconds, int jdk) {
        List<Result> failures() {
            return results.stream().filter(r -> !r.ok()).toList();
        }
    }

    public static void main(String[] args) throws Exception {
        Path snippets = null;
        Path out = null;
        Duration limit = Duration.ofSeconds(10);
        List<String> only = new ArrayList<>();
        String named = System.getProperty("snippets.jdk", "");
        Path jdk = named.isBlank() ? null : Path.of(named); // -Dsnippets.jdk=PATH, as the build passes it
        String classPath = System.getProperty("java.class.path");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--snippets" -> snippets = Path.of(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                case "--time-limit" -> limit = Duration.ofSeconds(Long.parseLong(args[i + 1]));
                case "--only" -> only.add(args[i + 1]);
                case "--jdk" -> jdk = args[i + 1].isBlank() ? null : Path.of(args[i + 1]);
                case "--class-path" -> classPath = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (snippets == null || out == null) {
            throw new IllegalArgumentException("usage: SnippetRunner --snippets DIR --out DIR [--time-limit S] [--only NAME]");
        }
        SnippetRunner runner = new SnippetRunner(snippets, out, limit, classPath, jdk, new JdkFinder());
        List<FileReport> reports = runner.runAll(only);
        int failures = 0;
        for (FileReport report : reports) {
            System.out.printf("[snippets] %-24s %3d snippets  %s%n", report.file().getFileName(), report.results().size(),
                    report.cached() ? "unchanged, not run"
                            : (report.jdk() > 0 ? "on JDK " + report.jdk() + ", " : "") + String.format("%.1f s", report.seconds()));
            for (Result failure : report.failures()) {
                failures++;
                System.err.printf("%s:%d: %s%n", display(report.file()), failure.snippet().line(), failure.failure());
            }
        }
        if (failures > 0) {
            System.err.println("[snippets] " + failures + " snippet(s) failed");
            System.exit(1);
        }
    }

    private static String display(Path file) {
        Path cwd = Path.of("").toAbsolutePath();
        Path absolute = file.toAbsolutePath().normalize();
        Path root = cwd.getParent() != null && absolute.startsWith(cwd.getParent()) ? cwd.getParent() : cwd;
        return root.relativize(absolute).toString();
    }

    /** Runs every file (or only the named ones), several at once. */
    List<FileReport> runAll(List<String> only) throws IOException, InterruptedException {
        List<Path> files;
        try (Stream<Path> list = Files.list(snippets)) {
            files = list.filter(p -> p.toString().endsWith(".jsh"))
                    .filter(p -> only.isEmpty() || only.contains(stem(p)))
                    .sorted(Comparator.comparing(Path::toString)).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        try {
            List<Future<FileReport>> running = new ArrayList<>();
            for (Path file : files) {
                running.add(pool.submit(() -> run(file)));
            }
            List<FileReport> reports = new ArrayList<>();
            for (Future<FileReport> future : running) {
                try {
                    reports.add(future.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
                }
            }
            return reports;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs one file in a fresh JShell, unless its recorded output is up to date. */
    FileReport run(Path file) throws IOException {
        long start = System.nanoTime();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String name = stem(file);
        int needs = SnippetParser.requiredJdk(text);
        JdkFinder.Jdk elsewhere = null;
        String jdkHome = "";
        if (needs > Runtime.version().feature()) {
            try {
                elsewhere = finder.find(needs, jdkOverride);
            } catch (IllegalStateException e) {
                return new FileReport(file, List.of(new Result(new Snippet(1, "", List.of(), null), "",
                        "needs JDK " + needs + " or later ('//! jdk " + needs + "'): " + e.getMessage())), false, 0, 0);
            }
            jdkHome = elsewhere.home().toRealPath().toString();
        } else if (needs > 0) {
            jdkHome = Path.of(System.getProperty("java.home")).toRealPath().toString();
        }
        Path hashFile = out.resolve(name).resolve(".sha256");
        // A file that names a JDK is run again when the JDK that runs it changes.
        String hash = sha256(FORMAT + "\n" + limit + "\n" + classPath + "\n" + (needs > 0 ? "jdk " + jdkHome + "\n" : "") + text);
        Path json = out.resolve(name + ".json");
        if (Files.exists(hashFile) && Files.readString(hashFile).equals(hash) && Files.exists(json)) {
            return new FileReport(file, List.of(), true, 0, 0);
        }
        if (elsewhere != null) {
            return runOn(elsewhere, file, start);
        }
        List<Result> results = new ArrayList<>();
        try (ShellSession shell = new ShellSession(classPath, limit)) {
            List<Snippet> parsed = new SnippetParser(shell.analysis()).parse(display(file), text);
            for (Snippet snippet : parsed) {
                Result result = shell.run(snippet);
                results.add(result);
                if (!result.ok()) {
                    break; // later snippets build on this one
                }
            }
        } catch (IllegalArgumentException e) {
            results.add(new Result(new Snippet(1, "", List.of(), null), "", e.getMessage()));
        }
        record(name, results);
        boolean clean = results.stream().allMatch(Result::ok);
        if (clean) {
            Files.writeString(hashFile, hash);
        } else {
            Files.deleteIfExists(hashFile);
        }
        return new FileReport(file, results, false, (System.nanoTime() - start) / 1e9, 0);
    }

    /**
     * Runs one file in a child runner on {@code jdk}, which records its output in the same place,
     * and reads back what it recorded (or the failures it printed).
     */
    private FileReport runOn(JdkFinder.Jdk jdk, Path file, long start) throws IOException {
        String name = stem(file);
        // A short-lived JVM whose work is javac's: C1 only and the serial collector halve its CPU time.
        List<String> command = List.of(jdk.java().toString(), "-XX:+IgnoreUnrecognizedVMOptions",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                SnippetRunner.class.getName(), "--snippets", snippets.toString(), "--out", out.toString(),
                "--time-limit", String.valueOf(limit.toSeconds()), "--only", name, "--class-path", classPath);
        Path log = Files.createTempFile("snippets-" + name, ".log");
        try {
            Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            // Each snippet is bounded by the child's own limit; this bounds a child that hangs before or after.
            boolean done;
            try {
                done = child.waitFor(limit.multipliedBy(30).toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                child.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while " + name + " ran on JDK " + jdk.feature(), e);
            }
            if (!done) {
                child.destroyForcibly();
            }
            String printed = Files.readString(log, StandardCharsets.UTF_8);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (done && child.exitValue() == 0) {
                return new FileReport(file, recorded(name), false, seconds, jdk.feature());
            }
            List<Result> failures = new ArrayList<>();
            Matcher failure = CHILD_FAILURE.matcher(printed);
            while (failure.find()) {
                failures.add(new Result(new Snippet(Integer.parseInt(failure.group(1)), "", List.of(), null), "", failure.group(2)));
            }
            if (failures.isEmpty()) {
                failures.add(new Result(new Snippet(1, "", List.of(), null), "", (done
                        ? "the runner on JDK " + jdk.feature() + " (" + jdk.home() + ") failed: "
                        : "the runner on JDK " + jdk.feature() + " did not finish: ") + printed.strip()));
            }
            return new FileReport(file, failures, false, seconds, jdk.feature());
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** The snippets a run recorded in {@code OUT/NAME.json}, as results. */
    @SuppressWarnings("unchecked")
    private List<Result> recorded(String name) throws IOException {
        Map<String, Object> root = JSON.std.mapFrom(Files.readString(out.resolve(name + ".json"), StandardCharsets.UTF_8));
        List<Result> results = new ArrayList<>();
        for (Object item : (List<Object>) root.get("snippets")) {
            Map<String, Object> entry = (Map<String, Object>) item;
            List<String> tags = ((List<Object>) entry.get("tags")).stream().map(String::valueOf).toList();
            results.add(new Result(new Snippet(((Number) entry.get("line")).intValue(), (String) entry.get("source"), tags, null),
                    (String) entry.get("output"), null));
        }
        return results;
    }

    private void record(String name, List<Result> results) throws IOException {
        Path dir = out.resolve(name);
        if (Files.exists(dir)) {
            try (Stream<Path> old = Files.list(dir)) {
                for (Path p : old.toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
        Map<String, StringBuilder> byTag = new LinkedHashMap<>();
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Result result : results) {
            for (String tag : result.snippet().tags()) {
                byTag.computeIfAbsent(tag, t -> new StringBuilder()).append(result.output());
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("line", result.snippet().line());
            entry.put("tags", result.snippet().tags());
            entry.put("source", result.snippet().source());
            entry.put("output", result.output());
            entries.add(entry);
        }
        for (Map.Entry<String, StringBuilder> tag : byTag.entrySet()) {
            Files.writeString(dir.resolve(tag.getKey() + ".txt"), tag.getValue(), StandardCharsets.UTF_8);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("file", name + ".jsh");
        root.put("snippets", entries);
        Files.writeString(out.resolve(name + ".json"),
                JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asString(root), StandardCharsets.UTF_8);
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".jsh".length());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
