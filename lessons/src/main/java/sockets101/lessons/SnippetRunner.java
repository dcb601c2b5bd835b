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
import java.util.stream.Stream;

/**
 * Runs every {@code lessons/snippets/*.jsh}, one JShell per file, and records each snippet's
 * output where the site reads it: {@code OUT/NAME/TAG.txt} (the output of the snippets inside
 * {@code // tag::TAG[]}) and {@code OUT/NAME.json} (every snippet with its line, source and
 * output). A file whose text has not changed since its last clean run is not run again.
 * Fails, naming {@code file:line} and the reason, on a snippet that does not compile, throws
 * when not marked {@code // throws: Type}, or hits the time limit.
 *
 * <p>Usage: {@code SnippetRunner --snippets DIR --out DIR [--time-limit SECONDS] [--only NAME]...}
 */
public final class SnippetRunner {
    /** Bump when the recorded format changes, so cached outputs are made again. */
    private static final String FORMAT = "2";

    private final Path snippets;
    private final Path out;
    private final Duration limit;
    private final String classPath;

    SnippetRunner(Path snippets, Path out, Duration limit, String classPath) {
        this.snippets = snippets;
        this.out = out;
        this.limit = limit;
        this.classPath = classPath;
    }

    /** How one file went. */
    record FileReport(Path file, List<Result> results, boolean cached, double seconds) {
        List<Result> failures() {
            return results.stream().filter(r -> !r.ok()).toList();
        }
    }

    public static void main(String[] args) throws Exception {
        Path snippets = null;
        Path out = null;
        Duration limit = Duration.ofSeconds(10);
        List<String> only = new ArrayList<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--snippets" -> snippets = Path.of(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                case "--time-limit" -> limit = Duration.ofSeconds(Long.parseLong(args[i + 1]));
                case "--only" -> only.add(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (snippets == null || out == null) {
            throw new IllegalArgumentException("usage: SnippetRunner --snippets DIR --out DIR [--time-limit S] [--only NAME]");
        }
        SnippetRunner runner = new SnippetRunner(snippets, out, limit, System.getProperty("java.class.path"));
        List<FileReport> reports = runner.runAll(only);
        int failures = 0;
        for (FileReport report : reports) {
            System.out.printf("[snippets] %-24s %3d snippets  %s%n", report.file().getFileName(), report.results().size(),
                    report.cached() ? "unchanged, not run" : String.format("%.1f s", report.seconds()));
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
        Path hashFile = out.resolve(name).resolve(".sha256");
        String hash = sha256(FORMAT + "\n" + limit + "\n" + classPath + "\n" + text);
        Path json = out.resolve(name + ".json");
        if (Files.exists(hashFile) && Files.readString(hashFile).equals(hash) && Files.exists(json)) {
            return new FileReport(file, List.of(), true, 0);
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
        return new FileReport(file, results, false, (System.nanoTime() - start) / 1e9);
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
