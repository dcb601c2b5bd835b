package sockets101.grader;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Grades one exercise in JVMs of its own, within a hard wall-clock limit for the whole
 * exercise: past it the JVM and every process it started are killed and the test that was
 * running fails with the reason. A JVM that ends early ({@code System.exit}, a crash) costs
 * only the test that was running: the tests it did not reach run again in a fresh JVM while
 * time is left.
 */
final class GradedJvm {
    /** Output of the graded JVMs kept for the report, per exercise. */
    static final int MAX_OUTPUT_BYTES = 8 * 1024;
    /** Environment variables a graded JVM keeps; everything else is dropped. */
    private static final Set<String> KEPT_ENV = Set.of("PATH", "LANG", "LC_ALL", "LC_CTYPE", "TZ",
            "SYSTEMROOT", "TEMP", "TMP");

    private final String trustedClassPath;
    private final Duration limit;
    private final Lang lang;
    private final RunAs runAs;

    /** @param runAs the user the graded JVMs run as, or null for the autograder's own */
    GradedJvm(String trustedClassPath, Duration limit, Lang lang, RunAs runAs) {
        this.trustedClassPath = trustedClassPath;
        this.limit = limit;
        this.lang = lang;
        this.runAs = runAs;
    }

    /** The outcomes of the exercise's tests, and what its JVMs printed (capped). */
    record Result(Map<String, Outcome> outcomes, String output) {
    }

    /** How one graded JVM ended. */
    private record Attempt(EventStream.Log log, boolean inTime, int exitCode, String output) {
    }

    Result grade(ExerciseSpec exercise, Path classes, Path work) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        Path dir = Files.createDirectories(work.resolve("run-" + exercise.name()));
        if (runAs != null) {
            runAs.own(dir);
        }
        Map<String, Outcome> outcomes = new HashMap<>();
        StringBuilder output = new StringBuilder();
        StringBuilder notes = new StringBuilder();
        for (int attempt = 1; ; attempt++) {
            List<TestSpec> remaining = exercise.tests().stream().filter(t -> !outcomes.containsKey(t.id())).toList();
            long left = deadline - System.nanoTime();
            if (remaining.isEmpty()) {
                break;
            }
            if (left <= 0) {
                fail(exercise, remaining, outcomes, notRun(false, 0));
                break;
            }
            Attempt run = run(exercise, remaining, classes, dir, attempt, left);
            if (!run.output().isBlank()) {
                output.append(attempt > 1 ? lang.pick("[grader] JVM nueva nº " + attempt + ":\n", "[grader] fresh JVM #" + attempt + ":\n") : "")
                        .append(run.output());
            }
            run.log().notes().forEach(n -> notes.append("[grader] ").append(n).append('\n'));
            if (run.log().forged()) {
                outcomes.clear();
                fail(exercise, exercise.tests(), outcomes, lang.pick(
                        "el registro de resultados de la JVM calificada fue manipulado desde el envío: el ejercicio vale 0",
                        "the graded JVM's result log was tampered with from the submission: the exercise scores 0"));
                break;
            }
            int before = outcomes.size();
            Set<String> asked = remaining.stream().map(TestSpec::id).collect(Collectors.toSet());
            run.log().outcomes().values().stream()
                    .filter(o -> asked.contains(o.key()) && o.exercise().equals(exercise.name()))
                    .forEach(o -> outcomes.put(o.key(), o));
            if (run.log().done()) {
                break;
            }
            String running = run.log().running();
            if (running != null && asked.contains(running) && !outcomes.containsKey(running)) {
                outcomes.put(running, Outcome.failed(exercise.name(), running,
                        run.inTime() ? crashed(run.exitCode()) : stopped()));
            }
            if (!run.inTime() || outcomes.size() == before) {
                fail(exercise, exercise.tests().stream().filter(t -> !outcomes.containsKey(t.id())).toList(),
                        outcomes, notRun(run.inTime(), run.exitCode()));
                break;
            }
        }
        String text = output.length() > MAX_OUTPUT_BYTES
                ? output.substring(0, MAX_OUTPUT_BYTES) + "\n[… output cut at " + MAX_OUTPUT_BYTES + " bytes]"
                : output.toString();
        return new Result(outcomes, notes + text);
    }

    private Attempt run(ExerciseSpec exercise, List<TestSpec> tests, Path classes, Path dir, int attempt, long nanosLeft)
            throws IOException, InterruptedException {
        Path events = dir.resolve("events-" + attempt + ".log");
        Path tmp = Files.createDirectories(dir.resolve("tmp-" + attempt));
        if (runAs != null) {
            runAs.own(tmp);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(runAs == null ? List.of() : runAs.prefix());
        // The trusted class path comes first, so a submission cannot shadow a test, JUnit or the grader.
        command.addAll(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-XX:+DisableAttachMechanism", "-XX:-UsePerfData",
                "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8",
                "-Dsun.stdout.encoding=UTF-8", "-Dsun.stderr.encoding=UTF-8",
                "-D" + Lang.PROPERTY + "=" + lang.code(), "-Djava.io.tmpdir=" + tmp, "-Duser.home=" + tmp,
                "-cp", trustedClassPath + File.pathSeparator + classes,
                ExerciseMain.class.getName(), events.toString()));
        tests.forEach(t -> command.add(t.id()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> !KEPT_ENV.contains(k));
        builder.environment().put("HOME", tmp.toString());
        byte[] key = EventStream.newKey();
        Process process = builder.start();
        Capture capture = new Capture(process.getInputStream());
        try (OutputStream in = process.getOutputStream()) {
            in.write((HexFormat.of().formatHex(key) + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException closedEarly) {
            // The JVM died before reading its key; its log will say so.
        }
        boolean inTime = process.waitFor(nanosLeft, TimeUnit.NANOSECONDS);
        if (!inTime) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor();
        }
        String output = capture.text(1000);
        return new Attempt(EventStream.Log.read(events, key), inTime, process.exitValue(), output);
    }

    private static void fail(ExerciseSpec exercise, List<TestSpec> tests, Map<String, Outcome> outcomes, String reason) {
        tests.forEach(t -> outcomes.putIfAbsent(t.id(), Outcome.failed(exercise.name(), t.id(), reason)));
    }

    private String stopped() {
        return lang.pick("detenida: el ejercicio superó su límite de " + limit.toSeconds()
                        + " s (¿un bucle sin fin, o una espera que nunca termina?)",
                "stopped: the exercise went past its " + limit.toSeconds()
                        + " s limit (an endless loop, or a wait that never ends?)");
    }

    private String crashed(int exitCode) {
        return lang.pick("la JVM terminó con el estado " + exitCode
                        + " durante esta prueba (¿System.exit o Runtime.halt en tu código?)",
                "the JVM ended with status " + exitCode + " during this test (System.exit or Runtime.halt in your code?)");
    }

    private String notRun(boolean crashed, int exitCode) {
        return crashed
                ? lang.pick("no se ejecutó: la JVM terminó antes, con el estado " + exitCode
                        + " (¿System.exit o Runtime.halt en tu código? mira la salida)",
                "not run: the JVM ended before it, with status " + exitCode
                        + " (System.exit or Runtime.halt in your code? see the output)")
                : lang.pick("no se ejecutó: el ejercicio ya había superado su límite de " + limit.toSeconds() + " s",
                "not run: the exercise had already gone past its " + limit.toSeconds() + " s limit");
    }

    /** Keeps the first bytes a process prints and drains the rest, so it never blocks on a full pipe. */
    private static final class Capture {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final Thread thread;
        private final InputStream in;
        private boolean cut;

        Capture(InputStream in) {
            this.in = in;
            thread = new Thread(this::drain, "graded-jvm-output");
            thread.setDaemon(true);
            thread.start();
        }

        private void drain() {
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    synchronized (this) {
                        int room = MAX_OUTPUT_BYTES - kept.size();
                        kept.write(buffer, 0, Math.max(0, Math.min(room, n)));
                        cut |= n > room;
                    }
                }
            } catch (IOException closed) {
                // the stream was closed after the process ended
            }
        }

        /** What was kept, waiting a little for the last bytes (a leftover process may hold the pipe open). */
        String text(long waitMillis) throws InterruptedException {
            thread.join(waitMillis);
            try {
                in.close();
            } catch (IOException ignored) {
                // nothing more to read
            }
            synchronized (this) {
                String text = kept.toString(StandardCharsets.UTF_8);
                return cut ? text + "\n[… output cut at " + MAX_OUTPUT_BYTES + " bytes]\n" : text;
            }
        }
    }
}
