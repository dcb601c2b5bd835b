package sockets101.grader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventStreamTest {
    private final byte[] key = EventStream.newKey();

    private Path log(Path dir) throws Exception {
        Path file = dir.resolve("events.log");
        try (EventStream stream = new EventStream(file, key.clone())) {
            stream.started("a");
            stream.record(Outcome.passed("Demo", "a"));
            stream.started("b");
            stream.record(Outcome.failed("Demo", "b", "why"));
            stream.started("c");
            stream.note("a note");
        }
        return file;
    }

    @Test
    void readsBackWhatWasWrittenAndWhatWasRunning(@TempDir Path dir) throws Exception {
        EventStream.Log log = EventStream.Log.read(log(dir), key);
        assertThat(log.forged()).isFalse();
        assertThat(log.done()).isFalse();
        assertThat(log.running()).isEqualTo("c");
        assertThat(log.outcomes().values()).containsExactly(Outcome.passed("Demo", "a"), Outcome.failed("Demo", "b", "why"));
        assertThat(log.notes()).containsExactly("a note");
    }

    @Test
    void aTornLastLineIsNotForgery(@TempDir Path dir) throws Exception {
        Path file = log(dir);
        Files.writeString(file, "0123abc {\"event\":", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        EventStream.Log log = EventStream.Log.read(file, key);
        assertThat(log.forged()).isFalse();
        assertThat(log.outcomes()).hasSize(2);
    }

    @Test
    void anAppendedUnsignedOrMissignedLineIsForgery(@TempDir Path dir) throws Exception {
        for (String line : List.of("{\"event\":\"done\",\"seq\":5}\n", "0".repeat(64) + " {\"event\":\"done\",\"seq\":5}\n")) {
            Path file = log(dir);
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            EventStream.Log log = EventStream.Log.read(file, key);
            assertThat(log.forged()).as(line).isTrue();
            assertThat(log.outcomes()).isEmpty();
        }
    }

    @Test
    void aLineSignedWithAnotherKeyOrReplayedIsForgery(@TempDir Path dir) throws Exception {
        Path file = log(dir);
        assertThat(EventStream.Log.read(file, EventStream.newKey()).forged()).isTrue();
        List<String> lines = Files.readAllLines(file);
        Files.write(file, List.of(lines.get(0), lines.get(1), lines.get(1)));
        assertThat(EventStream.Log.read(file, key).forged()).as("a repeated line breaks the sequence").isTrue();
    }

    @Test
    void noLogMeansNothingRan(@TempDir Path dir) throws Exception {
        EventStream.Log log = EventStream.Log.read(dir.resolve("missing"), key);
        assertThat(log.outcomes()).isEmpty();
        assertThat(log.forged()).isFalse();
        assertThat(log.running()).isNull();
    }

    @Test
    void anOversizedLogIsForgery(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("big.log");
        Files.write(file, new byte[EventStream.MAX_LOG_BYTES + 1]);
        assertThat(EventStream.Log.read(file, key).forged()).isTrue();
    }
}
