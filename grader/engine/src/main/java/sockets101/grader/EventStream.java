package sockets101.grader;

import com.fasterxml.jackson.jr.ob.JSON;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The line-per-event log a graded JVM writes for the autograder: one line as each test starts
 * and ends, flushed at once, so that whatever kills the JVM (a time limit, {@code System.exit})
 * the tests that finished keep their result and the one that was running is known.
 */
final class EventStream extends GradingListener implements AutoCloseable {
    static final String DONE = "done";
    private final BufferedWriter out;

    EventStream(Path file) throws IOException {
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    @Override
    protected void started(Outcome test) {
        write(Map.of("event", "start", "exercise", test.exercise(), "method", test.method()));
    }

    @Override
    protected void record(Outcome outcome) {
        Map<String, Object> line = new LinkedHashMap<>(outcome.toJson());
        line.put("event", "end");
        write(line);
    }

    @Override
    protected void finished(GradeReport report, double seconds) {
        write(Map.of("event", DONE));
    }

    private synchronized void write(Map<String, Object> line) {
        try {
            out.write(JSON.std.asString(line));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** What a (possibly dead) graded JVM left in its log. */
    record Log(Map<String, Outcome> outcomes, String running, boolean done) {
        static Log read(Path file) throws IOException {
            Map<String, Outcome> outcomes = new LinkedHashMap<>();
            String running = null;
            boolean done = false;
            List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : new ArrayList<>();
            for (String text : lines) {
                if (text.isBlank()) {
                    continue;
                }
                Map<String, Object> line;
                try {
                    line = JSON.std.mapFrom(text);
                } catch (IOException torn) {
                    continue; // the last line of a killed JVM may be cut short
                }
                switch (String.valueOf(line.get("event"))) {
                    case "start" -> running = Outcome.key((String) line.get("exercise"), (String) line.get("method"));
                    case "end" -> {
                        Outcome outcome = Outcome.fromJson(line);
                        outcomes.put(outcome.key(), outcome);
                        if (outcome.key().equals(running)) {
                            running = null;
                        }
                    }
                    case DONE -> done = true;
                    default -> { }
                }
            }
            return new Log(outcomes, running, done);
        }
    }
}
