package sockets101.grader;

import com.fasterxml.jackson.jr.ob.JSON;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Compiles a submission in a process of its own, so that a file that makes {@code javac} run for
 * ever or eat memory costs only the exercises that need it: {@code CompileMain SOURCES CLASSES
 * LANG SHOWN_ROOT FILE...} prints one JSON object (broken files with their errors, notes).
 */
public final class CompileMain {
    static final Duration LIMIT = Duration.ofSeconds(60);
    static final Duration FILE_LIMIT = Duration.ofSeconds(20);
    private static final int MAX_ANSWER = 1 << 20;

    private CompileMain() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        Path root = Path.of(args[0]);
        Path classes = Path.of(args[1]);
        Lang lang = Lang.parse(args[2]);
        List<Path> files = new ArrayList<>();
        for (int i = 4; i < args.length; i++) {
            files.add(Path.of(args[i]));
        }
        SubmissionCompiler.Compilation c = SubmissionCompiler.compile(
                new SubmissionCompiler.Sources(root, files, args[3], List.of()), classes, lang);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("broken", c.broken());
        answer.put("notes", c.notes());
        out.println(JSON.std.asString(answer));
        out.flush();
        System.exit(0);
    }

    /**
     * Compiles {@code sources} into {@code classes} in a child JVM bounded in time and memory.
     * If that JVM does not finish, each file is compiled alone (with a shorter bound) to find the
     * ones that break the compiler; those are left out with the reason and the rest compiled.
     */
    static SubmissionCompiler.Compilation compile(SubmissionCompiler.Sources sources, Path classes, Lang lang)
            throws IOException, InterruptedException {
        Attempt all = run(sources, sources.files(), classes, lang, LIMIT);
        Map<String, String> broken = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        if (all.answer() == null) {
            List<Path> kept = new ArrayList<>();
            for (Path file : sources.files()) {
                Path alone = Files.createTempDirectory(classes.getParent(), "alone-");
                Attempt one = run(sources, List.of(file), alone, lang, FILE_LIMIT);
                Files2.deleteTree(alone);
                if (one.answer() == null) {
                    broken.put(file.toString().replace('\\', '/'), lang.pick(
                            "javac no terminó este archivo en " + FILE_LIMIT.toSeconds() + " s o se quedó sin memoria: " + one.why(),
                            "javac did not finish this file within " + FILE_LIMIT.toSeconds() + " s, or ran out of memory: " + one.why()));
                } else {
                    kept.add(file);
                }
            }
            all = run(sources, kept, classes, lang, LIMIT);
            if (all.answer() == null) {
                kept.forEach(f -> broken.put(f.toString().replace('\\', '/'), lang.pick("javac falló: ", "javac failed: ") + "?"));
                return new SubmissionCompiler.Compilation(classes, broken, notes);
            }
        }
        Map<?, ?> answer = all.answer();
        ((Map<?, ?>) answer.get("broken")).forEach((k, v) -> broken.put(String.valueOf(k), String.valueOf(v)));
        ((List<?>) answer.get("notes")).forEach(n -> notes.add(String.valueOf(n)));
        return new SubmissionCompiler.Compilation(classes, broken, notes);
    }

    private record Attempt(Map<?, ?> answer, String why) {
    }

    private static Attempt run(SubmissionCompiler.Sources sources, List<Path> files, Path classes, Lang lang, Duration limit)
            throws IOException, InterruptedException {
        Files.createDirectories(classes);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The grader's own class path: the compiler's child needs nothing else.
        String classPath = System.getProperty("java.class.path") + File.pathSeparator;
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Xshare:auto", "-XX:+DisableAttachMechanism", "-Dfile.encoding=UTF-8", "-cp", classPath,
                CompileMain.class.getName(), sources.root().toString(), classes.toString(), lang.code(), sources.sourceRoot()));
        files.forEach(f -> command.add(f.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("LC_ALL", "C.UTF-8");
        Process process = builder.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try (InputStream in = process.getInputStream()) {
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    if (out.size() < MAX_ANSWER) {
                        out.write(buffer, 0, n);
                    }
                }
            } catch (IOException ended) {
                // the process ended
            }
        }, "compiler-output");
        reader.setDaemon(true);
        reader.start();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor();
            return new Attempt(null, lang.pick("más de " + limit.toSeconds() + " s", "over " + limit.toSeconds() + " s"));
        }
        reader.join(2_000);
        if (process.exitValue() != 0) {
            return new Attempt(null, lang.pick("estado " + process.exitValue() + " (¿sin memoria?)",
                    "status " + process.exitValue() + " (out of memory?)"));
        }
        try {
            return new Attempt(JSON.std.mapFrom(out.toString(StandardCharsets.UTF_8)), null);
        } catch (IOException e) {
            return new Attempt(null, e.getMessage());
        }
    }
}
