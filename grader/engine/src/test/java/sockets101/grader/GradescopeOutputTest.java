package sockets101.grader;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GradescopeOutputTest {
    private static Map<String, Object> test(String name, int score, int max) {
        return Map.of("name", name, "score", score, "max_score", max, "status", score == max ? "passed" : "failed",
                "output", "");
    }

    @Test
    void theOutputBecomesAMarkdownTableOfPointsPerExerciseAndTheTestsStayAsTheyWere() {
        List<Map<String, Object>> tests = List.of(test("Bind › a", 2, 2), test("Bind › b", 0, 3), test("Send › c", 4, 4));
        Map<String, Object> results = Map.of("score", 6, "max_score", 9, "output", "== javac Bind.java ==\n```oops",
                "output_format", "text", "tests", tests);
        Map<String, Object> md = GradescopeOutput.rewrite(results, Lang.EN);
        assertThat(md.get("output_format")).isEqualTo("md");
        assertThat(md.get("tests")).isSameAs(tests);
        assertThat(md.get("score")).isEqualTo(6);
        assertThat((String) md.get("output")).contains("| ✘ | Bind | 2 | 5 |", "| ✔ | Send | 4 | 4 |",
                "| | **Total** | **6** | **9** |", "**Compiler and grader notes**", "````text\n== javac Bind.java ==\n```oops\n````");
    }

    @Test
    void spanishHeadingsAndNoNotesSectionWithoutNotes() {
        Map<String, Object> md = GradescopeOutput.rewrite(Map.of("output", "", "tests", List.of(test("Bind › a", 1, 1))), Lang.ES);
        assertThat((String) md.get("output")).startsWith("| | Ejercicio | Puntos | Máximo |").doesNotContain("Notas");
    }
}
