package sockets101.grader;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Grades one exercise in a JVM of its own, with a hard wall-clock limit: past it the JVM and
 * everything it started are killed. Tests it did not finish fail with the reason it stopped.
 */
final class GradedJvm {
    /** Output of a graded JVM kept for the report. */
    static final int MAX_OUTPUT_BYTES = 8 * 1024;

    private final String trustedClassPath;
    private final Duration limit;
    private final Lang lang;

    GradedJvm(String trustedClassPath, Duration limit, Lang lang) {
        this.trustedClassPath = trustedClassPath;
        this.limit = limit;
        this.lang = lang;
    }

    /** The outcomes of every test of {@code exercise}, and what the JVM printed (capped). */
    record Result(Map<String, Outcome> outcomes, String output) {
    }

    Result grade(ExerciseSpec exercise, Path classes, Path work) throws IOException, InterruptedException {
        Path events = work.resolve(exercise.name() + ".events");
        Path log = work.resolve(exercise.name() + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The trusted jar comes first, so a submission cannot shadow a test, JUnit or the grader.
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8",
                "-D" + Lang.PROPERTY + "=" + lang.code(),
                "-Djava.io.tmpdir=" + Files.createDirectories(work.resolve("tmp-" + exercise.name())),
                "-cp", trustedClassPath + File.pathSeparator + classes,
                ExerciseMain.class.getName(), exercise.testClass(), events.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullFile()));
        builder.environment().keySet().removeIf(k -> k.equals("JAVA_TOOL_OPTIONS") || k.equals("JDK_JAVA_OPTIONS")
                || k.equals("_JAVA_OPTIONS") || k.equals("CLASSPATH"));
        Process process = builder.start();
        boolean inTime = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        if (!inTime) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor();
        }
        EventStream.Log written = EventStream.Log.read(events);
        Map<String, Outcome> outcomes = new HashMap<>(written.outcomes());
        if (!written.done()) {
            String stopped = !inTime
                    ? lang.pick("detenida: el ejercicio superó su límite de " + limit.toSeconds()
                            + " s (¿un bucle sin fin o una lectura que nunca termina?)",
                            "stopped: the exercise went past its " + limit.toSeconds()
                            + " s limit (an endless loop, or a read that never ends?)")
                    : lang.pick("la JVM terminó con el estado " + process.exitValue()
                            + " durante esta prueba (¿System.exit?)",
                            "the JVM ended with status " + process.exitValue()
                            + " during this test (System.exit?)");
            String notRun = lang.pick("no se ejecutó: la JVM se detuvo antes (", "not run: the JVM stopped before it (")
                    + stopped + ")";
            for (TestSpec test : exercise.tests()) {
                String key = Outcome.key(exercise.name(), test.method());
                if (!outcomes.containsKey(key)) {
                    outcomes.put(key, Outcome.failed(exercise.name(), test.method(),
                            key.equals(written.running()) ? stopped : notRun));
                }
            }
        }
        return new Result(outcomes, head(log));
    }

    private static File nullFile() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static String head(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "";
        }
        try (InputStream in = Files.newInputStream(log)) {
            byte[] bytes = in.readNBytes(MAX_OUTPUT_BYTES + 1);
            String text = new String(bytes, 0, Math.min(bytes.length, MAX_OUTPUT_BYTES), StandardCharsets.UTF_8);
            return bytes.length > MAX_OUTPUT_BYTES ? text + "\n[… output cut at " + MAX_OUTPUT_BYTES + " bytes]" : text;
        }
    }
}
