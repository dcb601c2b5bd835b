package sockets101.grader;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionsTest {
    @Test
    void defaults() {
        Autograder.Options o = Autograder.Options.parse("--submission", "sub");
        assertThat(o.submission()).isEqualTo(Path.of("sub"));
        assertThat(o.exercises()).isEmpty();
        assertThat(o.results()).isEqualTo(Path.of("results.json"));
        assertThat(o.timeLimit()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.requireFull()).isFalse();
        assertThat(o.runAs()).isNull();
        assertThat(o.list()).isFalse();
    }

    @Test
    void everyOption() {
        Autograder.Options o = Autograder.Options.parse("--exercise", "Bind", "--submission", "s", "--exercise", "Listen",
                "--results", "out/r.json", "--lang", "es", "--time-limit", "7", "--require-full", "--run-as", "nobody");
        assertThat(o.exercises()).containsExactly("Bind", "Listen");
        assertThat(o.results()).isEqualTo(Path.of("out/r.json"));
        assertThat(o.lang()).isEqualTo(Lang.ES);
        assertThat(o.timeLimit()).isEqualTo(Duration.ofSeconds(7));
        assertThat(o.requireFull()).isTrue();
        assertThat(o.runAs()).isEqualTo("nobody");
    }

    @Test
    void listNeedsNoSubmission() {
        assertThat(Autograder.Options.parse("--list").list()).isTrue();
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> Autograder.Options.parse()).hasMessageContaining("--submission DIR is required");
        assertThatThrownBy(() -> Autograder.Options.parse("--submission")).hasMessageContaining("missing value after --submission");
        assertThatThrownBy(() -> Autograder.Options.parse("--submission", "--exercise", "Bind"))
                .hasMessageContaining("missing value after --submission");
        assertThatThrownBy(() -> Autograder.Options.parse("--submission", "s", "--verbose")).hasMessageContaining("unknown option --verbose");
        assertThatThrownBy(() -> Autograder.Options.parse("--submission", "s", "--time-limit", "0")).hasMessageContaining("'0'");
        assertThatThrownBy(() -> Autograder.Options.parse("--submission", "s", "--time-limit", "ten")).hasMessageContaining("'ten'");
        assertThatThrownBy(() -> Autograder.Options.parse("--submission", "s", "--lang", "fr")).hasMessageContaining("'fr'");
    }

    @Test
    void aBadCommandLineExitsTwoWithTheReasonAndTheUsage() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Autograder.run(new String[] {"--submission", "s", "--bogus"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot grade: unknown option --bogus").contains("usage:");
    }
}
