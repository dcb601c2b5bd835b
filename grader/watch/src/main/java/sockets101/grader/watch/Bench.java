package sockets101.grader.watch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sockets101.grader.Lang;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code scripts/bench-watch}: the time from a save to watch mode's verdict. It copies the
 * exercises to a scratch folder, runs watch mode's own loop there, and saves one exercise's
 * file again and again, alternating a wrong version (the stub) and the solution, timing each
 * save until the verdict (the file poll included). The first saves warm the JVM and are not
 * counted.
 */
@Command(name = "bench", hidden = true, mixinStandardHelpOptions = true, description = "Times save-to-verdict in watch mode.")
final class Bench implements java.util.concurrent.Callable<Integer> {
    @Option(names = "--exercises", defaultValue = "exercises")
    Path exercises;

    @Option(names = "--exercise", defaultValue = "Bind")
    String exercise;

    @Option(names = "--solution", required = true, description = "the solution's source file")
    Path solution;

    @Option(names = "--saves", defaultValue = "20")
    int saves;

    @Option(names = "--warmup", defaultValue = "4")
    int warmup;

    @Override
    public Integer call() throws Exception {
        Path scratch = Files.createTempDirectory("bench-watch-");
        try {
            copy(exercises.resolve("src"), scratch.resolve("src"));
            copy(exercises.resolve("docs"), scratch.resolve("docs"));
            System.setProperty(Lang.PROPERTY, "en");
            StudentLoop loop = new StudentLoop(StudentLoop.Setup.of(scratch, Lang.EN, "", false));
            ExerciseIndex.Entry entry = loop.index().find(exercise)
                    .orElseThrow(() -> new IllegalArgumentException("no exercise " + exercise));
            String wrong = Files.readString(entry.studentSource(), StandardCharsets.UTF_8);
            String right = Files.readString(solution, StandardCharsets.UTF_8);
            BlockingQueue<WatchSession.Verdict> verdicts = new LinkedBlockingQueue<>();
            BlockingQueue<Character> keys = new LinkedBlockingQueue<>();
            List<Double> times = new ArrayList<>();
            try (WatchSession session = WatchSession.open(loop, exercise)) {
                session.onVerdict(verdicts::add);
                session.start();
                verdicts.clear();
                Thread watch = new Thread(() -> {
                    try {
                        WatchLoop.run(session, keys, screen -> { });
                    } catch (Exception e) {
                        e.printStackTrace();
                    }
                }, "bench-watch");
                watch.start();
                for (int i = 0; i < warmup + saves; i++) {
                    boolean solved = i % 2 == 0;
                    long start = System.nanoTime();
                    Files.writeString(entry.studentSource(), (solved ? right : wrong) + "\n// save " + i + "\n",
                            StandardCharsets.UTF_8);
                    WatchSession.Verdict verdict = verdicts.poll(60, TimeUnit.SECONDS);
                    if (verdict == null || verdict.passed() != solved) {
                        throw new IllegalStateException("save " + i + ": expected " + (solved ? "a pass" : "a failure")
                                + ", got " + verdict);
                    }
                    if (i >= warmup) {
                        times.add((System.nanoTime() - start) / 1e6);
                    }
                }
                keys.add('q');
                watch.join(TimeUnit.SECONDS.toMillis(30));
            }
            Collections.sort(times);
            double median = times.size() % 2 == 1 ? times.get(times.size() / 2)
                    : (times.get(times.size() / 2 - 1) + times.get(times.size() / 2)) / 2;
            double p90 = times.get((int) Math.ceil(0.9 * times.size()) - 1);
            System.out.printf("watch mode, %s: %d saves (after %d warm-up), save to verdict: median %.0f ms, p90 %.0f ms, max %.0f ms%n",
                    exercise, times.size(), warmup, median, p90, times.get(times.size() - 1));
            System.out.printf("load average (1 min): %.2f on %d cores%n",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
            return 0;
        } finally {
            Workspace.deleteTree(scratch);
        }
    }

    private static void copy(Path from, Path to) throws java.io.IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
