package sockets101.autograder;

import com.fasterxml.jackson.jr.ob.JSON;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * {@code scripts/export-classroom50} and the {@code autograder.py} it writes, run as Classroom 50's
 * runner runs it: with Python 3 (isolated: the standard library only), the runner's environment
 * variables, the student's checkout as the working directory, and {@code autograder.jar} downloaded
 * from a loopback HTTP server. Every {@code result.json} is checked against every rule of
 * {@code classroom50/result/v1} ({@link Classroom50Results}).
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
@DisabledOnOs(OS.WINDOWS)
class Classroom50IT {
    private static final Path ROOT = AutograderRun.ROOT.toAbsolutePath().normalize();
    private static final String ORG = "sockets-org";
    private static final String CLASSROOM = "net101";
    private static final String ASSIGNMENT = "sockets";

    @TempDir
    static Path work;
    private static String python;
    private static JarHost host;
    private static Path export;
    private static Path autograderPy;
    private static int total;

    /** Serves {@code /autograder.jar} on 127.0.0.1, an ephemeral port: the bytes it holds, or 404 when none. */
    static final class JarHost implements AutoCloseable {
        final AtomicReference<byte[]> jar = new AtomicReference<>();
        private final HttpServer server;
        private final ExecutorService threads = Executors.newFixedThreadPool(4);

        JarHost() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            server.createContext("/autograder.jar", exchange -> {
                try {
                    byte[] body = jar.get();
                    if (body == null) {
                        exchange.sendResponseHeaders(404, -1);
                    } else {
                        exchange.sendResponseHeaders(200, body.length);
                        exchange.getResponseBody().write(body);
                    }
                } finally {
                    exchange.close();
                }
            });
            server.setExecutor(threads); // several gradings download at once
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/autograder.jar";
        }

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();
        }
    }

    /** One run of autograder.py, and what it left in the checkout. */
    record Run(String name, int exitCode, String log, Map<String, Object> result, String body, Map<String, String> env,
               double seconds) {
        int score() {
            return ((Number) result.get("score")).intValue();
        }

        int maxScore() {
            return ((Number) result.get("max-score")).intValue();
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows() {
            return (List<Map<String, Object>>) result.get("tests");
        }

        String describe() {
            return name + ": exit " + exitCode + " after " + String.format("%.1f", seconds) + " s\nlog:\n" + log
                    + "\nresult: " + result + "\nrelease-body.md:\n" + body;
        }
    }

    /** python3 (its real executable), or why the test cannot run: a CI build fails instead of skipping. */
    private static String python3() throws InterruptedException {
        String why = "python3 is not on the PATH: Classroom 50 runs autograder.py with Python 3"
                + " (Debian/Ubuntu: apt-get install python3; .ci/run installs it)";
        try {
            Process p = new ProcessBuilder("python3", "-c", "import sys; print(sys.executable)").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor(1, TimeUnit.MINUTES) && p.exitValue() == 0 && !out.isEmpty()) {
                return out;
            }
            why += " (python3 -c failed: " + out + ")";
        } catch (IOException e) {
            why += " (" + e.getMessage() + ")";
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(why);
        }
        assumeThat(false).as(why).isTrue();
        return null;
    }

    @BeforeAll
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // the exercises' 10 s default is for one graded test
    static void export() throws Exception {
        python = python3();
        for (String exercise : AutograderRun.manifest().keySet()) {
            total += AutograderRun.points(exercise);
        }
        host = new JarHost();
        export = work.resolve("export");
        Process process = new ProcessBuilder("bash", ROOT.resolve("scripts/export-classroom50").toString(), export.toString(),
                "--jar-url", host.url(), "--jar", AutograderRun.JAR.toAbsolutePath().toString(), "--lang", "en",
                "--org", ORG, "--classroom", CLASSROOM, "--assignment", ASSIGNMENT,
                // Generous, within what the export allows for 19 exercises (10 x 45 s + 60 s < 600 s): a
                // correct exercise must not run out of time on a loaded build machine.
                "--time-limit", "45")
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        host.jar.set(Files.readAllBytes(export.resolve("autograder.jar")));
        // As the runner lays it out: the assignment's bundle extracted under RUNNER_TEMP.
        Path bundle = Files.createDirectories(work.resolve("runner-temp/classroom50-runtime").resolve(ASSIGNMENT));
        autograderPy = bundle.resolve("autograder.py");
        Files.copy(export.resolve("classroom50/" + CLASSROOM + "/autograders/" + ASSIGNMENT + "/autograder.py"), autograderPy);
    }

    @AfterAll
    static void stopHost() {
        if (host != null) {
            host.close();
        }
    }

    /** The runner's environment for one student's submission (see runner.py's run_entrypoint). */
    private static Map<String, String> runnerEnv(String student, Path script) throws IOException {
        String sha = HexFormat.of().formatHex(sha256(student.getBytes(StandardCharsets.UTF_8))).substring(0, 40);
        String repository = ORG + "/" + CLASSROOM + "-" + ASSIGNMENT + "-" + student;
        String tag = "submit/2026-12-03T07-30-00Z-" + sha.substring(0, 7);
        Map<String, String> env = new HashMap<>();
        env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        env.put("HOME", System.getProperty("user.home"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("LANG", "C.UTF-8");
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_SERVER_URL", "https://github.com");
        env.put("GITHUB_REPOSITORY", repository);
        env.put("GITHUB_SHA", sha);
        env.put("GITHUB_ACTOR", student);
        env.put("GITHUB_OUTPUT", Files.createTempFile(work, "github-output-", ".txt").toString());
        env.put("RUNNER_TEMP", work.resolve("runner-temp").toString());
        env.put("PAGES_BASE_URL", "https://" + ORG + ".github.io/classroom50");
        env.put("CLASSROOM", CLASSROOM);
        env.put("ASSIGNMENT", ASSIGNMENT);
        env.put("SUBMISSION_TAG", tag);
        env.put("MODE", "individual");
        env.put("USERNAME", student);
        env.put("OWNER", student);
        env.put("ASSIGNMENT_TYPE", "individual");
        env.put("COMMIT_URL", "https://github.com/" + repository + "/commit/" + sha);
        env.put("RELEASE_URL", "https://github.com/" + repository + "/releases/tag/" + tag.replace("/", "%2F"));
        env.put("REVIEW_URL", "https://github.com/" + repository + "/compare/" + "0".repeat(40) + "..." + sha);
        env.put("CLASSROOM50_BUNDLE_DIR", script.getParent().toString());
        return env;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A student's checkout: the exported template, with {@code sources} (or nothing) as its exercises' code. */
    private static Path checkout(String student, Path sources) throws IOException {
        Path checkout = work.resolve("checkouts").resolve(student);
        KnownMistakes.copyTree(export.resolve("template"), checkout);
        if (sources != null) {
            Path main = checkout.resolve("exercises/src/main/java");
            try (Stream<Path> walk = Files.walk(main)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
            KnownMistakes.copyTree(sources, main);
        }
        return checkout;
    }

    /** Runs {@code python3 -I -S SCRIPT} in the checkout as the runner does; reads what it left. */
    private static Run grade(String student, Path checkout, Path script) throws Exception {
        Map<String, String> env = runnerEnv(student, script);
        ProcessBuilder builder = new ProcessBuilder(python, "-I", "-S", script.toString()).directory(checkout.toFile())
                .redirectErrorStream(true).redirectOutput(work.resolve(student + ".log").toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(6, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError(student + ": autograder.py did not finish within 6 minutes");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String log = Files.readString(work.resolve(student + ".log"), StandardCharsets.UTF_8);
        Path result = checkout.resolve("result.json");
        Path body = checkout.resolve("release-body.md");
        Run run = new Run(student, process.exitValue(), log,
                Files.exists(result) ? JSON.std.mapFrom(Files.readString(result, StandardCharsets.UTF_8)) : Map.of(),
                Files.exists(body) ? Files.readString(body, StandardCharsets.UTF_8) : null, env, seconds);
        System.out.printf("[classroom50] %-10s exit %d, %s in %.1f s%n", student, run.exitCode(),
                run.result().isEmpty() ? "no result.json" : run.score() + "/" + run.maxScore(), seconds);
        return run;
    }

    /** A graded run: exit 0 and a result.json that keeps every rule, worth the catalog's total whatever the score. */
    private static void assertGraded(Run run) throws IOException {
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(Classroom50Results.problems(run.result(), run.env())).as(run.describe()).isEmpty();
        assertThat(run.maxScore()).as("the maximum comes from the exported catalog").isEqualTo(total);
        assertThat(run.rows()).extracting(r -> r.get("test-name"))
                .containsExactlyElementsOf(AutograderRun.manifest().keySet());
        assertThat(run.body()).as("release-body.md").isNotNull()
                .startsWith("### Sockets 101 — scoreboard: " + run.score() + "/" + total);
    }

    @Test
    void theExportHoldsTheTemplateTheAutograderTheRuntimeAndTheSteps() throws Exception {
        Path template = export.resolve("template");
        List<String> files;
        try (Stream<Path> walk = Files.walk(template)) {
            files = walk.filter(Files::isRegularFile).map(p -> template.relativize(p).toString()).sorted().toList();
        }
        assertThat(files).as("Classroom 50 writes autograde.yaml itself; the template keeps only the scoreboard")
                .doesNotContain(".github/workflows/autograde.yaml")
                .filteredOn(f -> f.startsWith(".github/")).containsExactly(".github/workflows/scoreboard.yml");
        for (String file : files) {
            String text = new String(Files.readAllBytes(template.resolve(file)), StandardCharsets.ISO_8859_1);
            assertThat(text).as(file + " uses no GitHub Classroom or GitHub Education autograding action")
                    .doesNotContain("classroom-resources/", "education/autograding", "autograding-grading-reporter");
        }

        assertThat(JSON.std.mapFrom(Files.readString(export.resolve("runtime.json")))).isEqualTo(Map.of("java", "17"));

        String script = Files.readString(autograderPy);
        String sha = HexFormat.of().formatHex(sha256(Files.readAllBytes(export.resolve("autograder.jar"))));
        assertThat(sha).isEqualTo(HexFormat.of().formatHex(sha256(Files.readAllBytes(AutograderRun.JAR))));
        List<String> catalog = new ArrayList<>();
        for (String exercise : AutograderRun.manifest().keySet()) {
            catalog.add(exercise + "=" + AutograderRun.points(exercise));
        }
        assertThat(script).contains("JAR_URL = \"" + host.url() + "\"", "JAR_SHA256 = \"" + sha + "\"", "LANG = \"en\"",
                "TIME_LIMIT = \"45\"", "EXERCISES = \"" + String.join(" ", catalog) + "\"")
                .doesNotContainPattern("\"@[A-Z0-9_]+@\"");

        // The instructor's steps, in order, with the names given at export.
        String readme = Files.readString(export.resolve("README.md"));
        List<String> steps = List.of("gh extension install foundation50/gh-teacher", "gh teacher login",
                "gh teacher init " + ORG, "gh teacher classroom add " + ORG + " " + CLASSROOM,
                "sha256sum", "gh repo create " + ORG + "/sockets101-template --private --source template --push",
                "gh repo edit " + ORG + "/sockets101-template --template", "gh repo clone " + ORG + "/classroom50 config",
                "cp classroom50/" + CLASSROOM + "/autograders/" + ASSIGNMENT + "/autograder.py config/" + CLASSROOM
                        + "/autograders/" + ASSIGNMENT + "/",
                "git -C config push",
                "gh teacher assignment add " + ORG + " " + CLASSROOM + " " + ASSIGNMENT + " --name \"Sockets 101\" --template "
                        + ORG + "/sockets101-template --runtime runtime.json",
                "gh teacher roster add " + ORG + " " + CLASSROOM, "gh student accept " + ORG + " " + CLASSROOM + " " + ASSIGNMENT,
                "gh teacher download " + ORG + " " + CLASSROOM + " " + ASSIGNMENT);
        int at = -1;
        for (String step : steps) {
            int next = readme.indexOf(step, at + 1);
            assertThat(next).as("README.md has, after the previous step: " + step + "\n" + readme).isGreaterThan(at);
            at = next;
        }
    }

    @Test
    void solutionsScoreFullMarksStubsZeroAndOneMistakePerExercisePartialCredit() throws Exception {
        Path solutions = KnownMistakes.SOLUTION_SOURCES;
        Path mistakes = checkout("mistaken", solutions);
        Map<String, Path> picked = KnownMistakes.firstOfEach(AutograderRun.manifest().keySet());
        for (Path mistake : picked.values()) {
            KnownMistakes.overlay(mistake, mistakes.resolve("exercises/src/main/java"));
        }
        Map<String, Path> checkouts = new LinkedHashMap<>();
        checkouts.put("solved", checkout("solved", solutions));
        checkouts.put("stubs", checkout("stubs", null));
        checkouts.put("mistaken", mistakes);
        // Two gradings at a time: each uses every core of a 2-core machine already.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Map<String, Future<Run>> running = new LinkedHashMap<>();
        try {
            checkouts.forEach((student, checkout) -> running.put(student, pool.submit(() -> grade(student, checkout, autograderPy))));
            Run solved = running.get("solved").get();
            Run stubs = running.get("stubs").get();
            Run mistaken = running.get("mistaken").get();

            assertGraded(solved);
            assertThat(solved.score()).as(solved.describe()).isEqualTo(total);
            assertThat(solved.rows()).allSatisfy(r -> assertThat(r.get("passed")).isEqualTo(true));
            assertThat(solved.body()).contains("✔ All passed.");

            assertGraded(stubs);
            assertThat(stubs.score()).as(stubs.describe()).isZero();
            assertThat(stubs.body()).contains("| ✘ | Bind | 0 | " + AutograderRun.points("Bind") + " |", "what fails");

            assertGraded(mistaken);
            assertThat(mistaken.rows()).as("every exercise with a known mistake loses points: " + picked)
                    .allSatisfy(r -> assertThat((Integer) r.get("score")).isLessThan((Integer) r.get("max-score")));
            assertThat(mistaken.rows()).as("partial credit: some exercise keeps some of its points")
                    .anySatisfy(r -> assertThat((Integer) r.get("score")).isPositive());
            assertThat(mistaken.score()).isBetween(1, total - 1);
            assertThat(mistaken.body()).contains("<details><summary>✘ ", "what fails", "Hint:");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCheckoutWithoutExercisesScoresZeroWithTheReason() throws Exception {
        Path checkout = checkout("empty", null);
        try (Stream<Path> walk = Files.walk(checkout.resolve("exercises"))) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        Run run = grade("empty", checkout, autograderPy);
        assertGraded(run);
        assertThat(run.score()).isZero();
        assertThat(run.body()).contains("The submission has no exercises/ folder");
        assertThat(run.log()).contains("The submission has no exercises/ folder");
    }

    @Test
    void aJarThatCannotBeFetchedOrIsNotTheExportedOneIsAnInfrastructureError() throws Exception {
        Path checkout = checkout("tampered", KnownMistakes.SOLUTION_SOURCES);
        byte[] exported = host.jar.get();
        try {
            byte[] tampered = exported.clone();
            tampered[tampered.length / 2] ^= 1;
            host.jar.set(tampered);
            Run run = grade("tampered", checkout, autograderPy);
            assertThat(run.exitCode()).as(run.describe()).isNotZero();
            assertThat(run.log()).contains("::error::", "SHA-256", host.url(), "not the exported");
            assertThat(run.result()).as("no grade when the jar is not the one exported").isEmpty();

            host.jar.set(null);
            Run missing = grade("missing", checkout, autograderPy);
            assertThat(missing.exitCode()).as(missing.describe()).isNotZero();
            assertThat(missing.log()).contains("::error::", "cannot fetch autograder.jar from " + host.url(), "HTTP 404");
            assertThat(missing.result()).isEmpty();
        } finally {
            host.jar.set(exported);
        }
        // The script as it sits in the course, never exported, refuses to grade.
        Run raw = grade("unexported", checkout, ROOT.resolve("grader/classroom/autograder.py"));
        assertThat(raw.exitCode()).isNotZero();
        assertThat(raw.log()).contains("not written by scripts/export-classroom50");
    }
}
