package sockets101.grader;

import com.fasterxml.jackson.jr.ob.JSON;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GradeReportTest {
    static final TestSpec ONE = new TestSpec("id-one", "one", 2, "uno", "one");
    static final TestSpec TWO = new TestSpec("id-two", "two", 1, "dos", "two");
    static final TestSpec THREE = new TestSpec("id-three", "three", 3, "tres", "three");
    static final ExerciseSpec DEMO = new ExerciseSpec("Demo", "x.DemoTest", "04-server", "demo", List.of(ONE, TWO));
    static final ExerciseSpec OTHER = new ExerciseSpec("Other", "x.OtherTest", "05-client", "other", List.of(THREE));

    @Test
    void aTestThatNeverRanCountsAsFailedSoTheMaximumNeverMoves() {
        GradeReport report = new GradeReport(List.of(DEMO, OTHER), Map.of("id-one", Outcome.passed("Demo", "id-one")), Lang.EN);
        assertThat(report.score()).isEqualTo(2);
        assertThat(report.maxScore()).isEqualTo(6);
        assertThat(report.outcome(DEMO, TWO).reason()).isEqualTo("the test never ran");
        assertThat(report.perfect()).isFalse();
    }

    @Test
    void anOutcomeFiledUnderAnotherExerciseDoesNotCount() {
        GradeReport report = new GradeReport(List.of(DEMO), Map.of("id-one", Outcome.passed("Other", "id-one")), Lang.EN);
        assertThat(report.score()).isZero();
    }

    @Test
    void theScoreboardShowsTheFirstUnfinishedExerciseReasonFirst() {
        GradeReport report = new GradeReport(List.of(DEMO, OTHER), Map.of(
                "id-one", Outcome.failed("Demo", "id-one", "expected 1\nbut was 2"),
                "id-two", Outcome.passed("Demo", "id-two")), Lang.EN);
        String board = report.scoreboard(1);
        assertThat(board).contains("✘ Demo", "1/3", "✘ Other", "0/3", "Total", "1/6");
        assertThat(board).contains("✘ Demo: what fails\n  ✘ one (2 points)\n      expected 1\n      but was 2\n  Hint: ");
        assertThat(board).doesNotContain("✘ three").contains("Also without full marks: Other. One alone: -Dexercise=Other");
        assertThat(report.scoreboard(Integer.MAX_VALUE)).contains("✘ three (3 points)").doesNotContain("Also without");
        // No built site, site URL or lesson source where these tests run: the lesson is named, not a path.
        assertThat(report.scoreboard(1)).contains("Lesson: lesson 04-server § demo");
    }

    @Test
    void spanishScoreboard() {
        GradeReport report = new GradeReport(List.of(DEMO), Map.of("id-one", Outcome.passed("Demo", "id-one")), Lang.ES);
        assertThat(report.scoreboard(1)).contains("Sockets 101 — marcador", "✘ Demo: lo que falla", "✘ dos (1 punto)",
                "la prueba no llegó a ejecutarse", "Pista: ", "Lección: lección 04-server § demo");
    }

    @Test
    void fullMarksSayAllPassed() {
        GradeReport report = new GradeReport(List.of(DEMO), Map.of("id-one", Outcome.passed("Demo", "id-one"),
                "id-two", Outcome.passed("Demo", "id-two")), Lang.EN);
        assertThat(report.perfect()).isTrue();
        assertThat(report.scoreboard(1)).contains("✔ Demo").endsWith("✔ All passed: 3/3\n").doesNotContain("what fails");
    }

    @Test
    void gradescopeResultsHaveTheDocumentedFields() throws Exception {
        GradeReport report = new GradeReport(List.of(DEMO), Map.of("id-one", Outcome.passed("Demo", "id-one"),
                "id-two", Outcome.failed("Demo", "id-two", "why")), Lang.EN);
        Map<String, Object> json = JSON.std.mapFrom(report.gradescopeJson(1.23456, "notes"));
        assertThat(json).containsEntry("score", 2).containsEntry("max_score", 3).containsEntry("execution_time", 1.235)
                .containsEntry("output", "notes").containsEntry("visibility", "visible");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> tests = (List<Map<String, Object>>) json.get("tests");
        assertThat(tests).hasSize(2);
        assertThat(tests.get(0)).containsEntry("name", "Demo › one").containsEntry("score", 2).containsEntry("max_score", 2)
                .containsEntry("status", "passed").containsEntry("output", "");
        assertThat(tests.get(1)).containsEntry("status", "failed").containsEntry("score", 0);
        assertThat((String) tests.get(1).get("output")).startsWith("why\n\nHint: ");
    }

    @Test
    void writesTheThreeReports(@TempDir Path dir) throws Exception {
        GradeReport report = new GradeReport(List.of(DEMO), Map.of(), Lang.EN);
        report.write(dir, 0.5, "");
        for (String file : GradeReport.FILES) {
            assertThat(dir.resolve(file)).isNotEmptyFile();
        }
        String md = Files.readString(dir.resolve("summary.md"));
        assertThat(md).contains("| ✘ | Demo | 0 | 3 |", "| | **Total** | **0** | **3** |", "## ✘ Demo — 0/3",
                "### ✘ one (2 points)", "````text\nthe test never ran\n````", "**Hint:**", "**Lesson:**");
    }
}
