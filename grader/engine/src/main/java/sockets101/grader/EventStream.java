package sockets101.grader;

import com.fasterxml.jackson.jr.ob.JSON;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The line-per-event log a graded JVM writes for the autograder: one line as each test starts
 * and ends, flushed at once, so that whatever kills the JVM (a time limit, {@code System.exit})
 * the tests that finished keep their result and the one that was running is known.
 *
 * <p>The log's path is on the graded JVM's command line, where the submission can read it.
 * So that the submission cannot simply append "passed" lines, every line carries a sequence
 * number and an HMAC under a key the autograder hands the graded JVM on its standard input
 * (never on the command line or in a file) before any submission class loads. A line that
 * fails the check marks the whole log as forged. Code inside that JVM that digs the key out
 * by reflection, or native code, could still forge it: see the README's limits.
 */
final class EventStream extends GradingListener implements AutoCloseable {
    static final String DONE = "done";
    /** Longest log the autograder reads; a longer one is forged. */
    static final int MAX_LOG_BYTES = 4 * 1024 * 1024;

    private final BufferedWriter out;
    private final Mac mac;
    private long seq;

    EventStream(Path file, byte[] key) throws IOException {
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        mac = mac(key);
    }

    /** A fresh random key for one graded JVM. */
    static byte[] newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @Override
    protected void begin() {
        // The autograder keeps the reports; a graded JVM only logs.
    }

    @Override
    protected void started(String test) {
        write(Map.of("event", "start", "test", test));
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

    /** A note for the report, from the trusted side of the graded JVM. */
    void note(String text) {
        write(Map.of("event", "note", "text", text));
    }

    private synchronized void write(Map<String, Object> event) {
        try {
            Map<String, Object> line = new LinkedHashMap<>(event);
            line.put("seq", seq++);
            String json = JSON.std.asString(line);
            out.write(sign(mac, json) + " " + json);
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

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String sign(Mac mac, String json) {
        return HexFormat.of().formatHex(mac.doFinal(json.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * What a (possibly dead) graded JVM left in its log: the outcomes, the test that was
     * running when it stopped (or null), whether the run got to its end, and whether any
     * complete line was forged.
     */
    record Log(Map<String, Outcome> outcomes, String running, boolean done, boolean forged, List<String> notes) {
        private static Log forgedLog() {
            return new Log(Map.of(), null, false, true, List.of());
        }

        static Log read(Path file, byte[] key) throws IOException {
            Map<String, Outcome> outcomes = new LinkedHashMap<>();
            if (!Files.exists(file)) {
                return new Log(outcomes, null, false, false, List.of());
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(MAX_LOG_BYTES + 1);
            }
            if (bytes.length > MAX_LOG_BYTES) {
                return forgedLog();
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            // A JVM killed mid-write leaves its last line without an end: that line is torn, not forged.
            int end = text.lastIndexOf('\n');
            String complete = end < 0 ? "" : text.substring(0, end);
            if (complete.isEmpty()) {
                return new Log(outcomes, null, false, false, List.of());
            }
            List<String> notes = new ArrayList<>();
            Mac mac = mac(key);
            String running = null;
            boolean done = false;
            long expected = 0;
            for (String line : complete.split("\n", -1)) {
                int space = line.indexOf(' ');
                String json = space < 0 ? "" : line.substring(space + 1);
                Map<String, Object> event;
                try {
                    if (space < 0 || !MessageDigest.isEqual(line.substring(0, space).getBytes(StandardCharsets.UTF_8),
                            sign(mac, json).getBytes(StandardCharsets.UTF_8))) {
                        return forgedLog();
                    }
                    event = JSON.std.mapFrom(json);
                } catch (IOException | RuntimeException e) {
                    return forgedLog();
                }
                if (!(event.get("seq") instanceof Number n) || n.longValue() != expected++) {
                    return forgedLog();
                }
                switch (String.valueOf(event.get("event"))) {
                    case "start" -> running = String.valueOf(event.get("test"));
                    case "end" -> {
                        Outcome outcome = Outcome.fromJson(event);
                        outcomes.put(outcome.key(), outcome);
                        if (outcome.key().equals(running)) {
                            running = null;
                        }
                    }
                    case DONE -> done = true;
                    case "note" -> notes.add(String.valueOf(event.get("text")));
                    default -> {
                        return forgedLog();
                    }
                }
            }
            return new Log(outcomes, running, done, false, notes);
        }
    }
}
