package sockets101.grader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class VerdictTest {
    private static final ExerciseSpec DEMO = GradeReportTest.DEMO;
    private final java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
    private final java.io.PrintStream out = new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8);

    @Test
    void noReportMeansTheTestsDidNotFinish(@TempDir Path dir) throws Exception {
        assertThat(Verdict.verdict(dir, Lang.EN, out)).startsWith("no grade: the tests did not get to the end");
        assertThat(Verdict.verdict(dir, Lang.ES, out)).startsWith("no hay nota");
    }

    @Test
    void lessThanFullMarksFailsTheBuild(@TempDir Path dir) throws Exception {
        new GradeReport(List.of(DEMO), Map.of("id-one", Outcome.passed("Demo", "id-one")), Lang.EN).write(dir, 1, "");
        assertThat(Verdict.verdict(dir, Lang.EN, out)).isEqualTo("Not yet: 2/3 points. What fails is above, under the scoreboard.");
        assertThat(printed.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("Sockets 101 — scoreboard", "2/3");
    }

    @Test
    void fullMarksPass(@TempDir Path dir) throws Exception {
        new GradeReport(List.of(DEMO), Map.of("id-one", Outcome.passed("Demo", "id-one"),
                "id-two", Outcome.passed("Demo", "id-two")), Lang.EN).write(dir, 1, "");
        assertThat(Verdict.verdict(dir, Lang.EN, out)).isNull();
    }
}
