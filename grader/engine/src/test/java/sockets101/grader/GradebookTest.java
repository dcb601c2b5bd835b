package sockets101.grader;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GradebookTest {
    @Test
    void aHeaderThenOneRowPerStudentWithCrlfLineEnds() {
        String csv = Gradebook.csv(List.of("Bind", "Listen"), List.of(
                Gradebook.Row.graded("ana", Map.of("Bind", 11, "Listen", 4), 15, 23),
                Gradebook.Row.failed("bea", "autograder exit status 2: autograder: cannot grade: boom")));
        assertThat(csv).isEqualTo("student,Bind,Listen,total,max,error\r\n"
                + "ana,11,4,15,23,\r\n"
                + "bea,,,,,autograder exit status 2: autograder: cannot grade: boom\r\n");
    }

    @Test
    void cellsWithCommasQuotesOrLineEndsAreQuoted() {
        assertThat(Gradebook.cell("García, Ana")).isEqualTo("\"García, Ana\"");
        assertThat(Gradebook.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Gradebook.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Gradebook.cell("plain")).isEqualTo("plain");
    }

    @Test
    void aCellThatASpreadsheetWouldRunAsAFormulaIsDefused() {
        assertThat(Gradebook.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Gradebook.cell("+1")).isEqualTo("'+1");
        assertThat(Gradebook.cell("-1")).isEqualTo("'-1");
        assertThat(Gradebook.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    }
}
