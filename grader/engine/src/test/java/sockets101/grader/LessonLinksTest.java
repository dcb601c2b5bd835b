package sockets101.grader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LessonLinksTest {
    static final ExerciseSpec BIND = new ExerciseSpec("Bind", "x.BindTest", "04-server", "bind",
            List.of(new TestSpec("id", "m", 1, "uno", "one")));

    @Test
    void aBuiltSiteGivesAFileUrlToTheSection(@TempDir Path root) throws Exception {
        Path page = Files.createDirectories(root.resolve("site/target/site/en")).resolve("04-server.html");
        Files.writeString(page, "<h2 id=\"bind\">bind</h2>");
        assertThat(LessonLinks.of(root, "https://example.org/course").link(BIND, Lang.EN))
                .isEqualTo(page.toUri() + "#bind").startsWith("file:");
    }

    @Test
    void aStudentExportCarriesTheSiteAsSite(@TempDir Path root) throws Exception {
        Path page = Files.createDirectories(root.resolve("site/es")).resolve("04-server.html");
        Files.writeString(page, "<h2 id=\"bind\">bind</h2>");
        assertThat(LessonLinks.of(root, "").link(BIND, Lang.ES)).isEqualTo(page.toUri() + "#bind");
        // The English page is not there: never a path that does not exist.
        assertThat(LessonLinks.of(root, "").link(BIND, Lang.EN)).isEqualTo("lesson 04-server § bind");
    }

    @Test
    void withoutABuiltSiteTheSiteUrl(@TempDir Path root) {
        assertThat(LessonLinks.of(root, "https://example.org/course").link(BIND, Lang.EN))
                .isEqualTo("https://example.org/course/en/04-server.html#bind");
    }

    @Test
    void elseTheLessonSourceElseItsName(@TempDir Path root) throws Exception {
        assertThat(LessonLinks.of(root, "").link(BIND, Lang.ES)).isEqualTo("lección 04-server § bind");
        Path source = Files.createDirectories(root.resolve("lessons/en")).resolve("04-server.adoc");
        Files.writeString(source, "== bind");
        assertThat(LessonLinks.of(root, " ").link(BIND, Lang.EN)).startsWith(source.toUri() + " (§ bind; ");
    }

    @Test
    void theReportPrintsTheLinkItIsGiven(@TempDir Path root) {
        GradeReport report = new GradeReport(List.of(BIND), Map.of(), Lang.EN, LessonLinks.of(root, "https://example.org/c/"));
        assertThat(report.scoreboard(1)).contains("Lesson: https://example.org/c/en/04-server.html#bind");
        assertThat(report.markdown()).contains("https://example.org/c/en/04-server.html#bind");
    }
}
