package sockets101.grader.watch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** One-shot grading ({@code ./mvnw -q -Pstudent test}) through its command, in this process. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class OneShotTest {

    private static Main.Options options(Path exercises, String exercise, boolean trace) {
        Main.Options options = new Main.Options();
        options.exercises = exercises;
        options.exercise = exercise;
        options.lang = "en";
        options.siteUrl = "";
        options.trace = trace;
        return options;
    }

    private static String grade(Main.Options options, int expectedStatus) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = Main.grade(options, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String output = bytes.toString(StandardCharsets.UTF_8);
        assertThat(status).as(output).isEqualTo(expectedStatus);
        return output;
    }

    @Test
    void aFailingExercisePrintsTheScoreboardAndNoStackTrace(@TempDir Path course) throws Exception {
        Path exercises = Course.copyExercises(course);
        String output = grade(options(exercises, "Bind", false), 1);
        assertThat(output).contains("Sockets 101 — scoreboard", "✘ Bind", "0/11", "not implemented yet: TODO Bind.bind",
                "Hint: Create the socket unbound", "Lesson: lesson 04-server § bind", "Not yet: 0/11 points.")
                .doesNotContain("\tat ", "Exception in thread");
        assertThat(exercises.resolve("target/grade/results.json")).isRegularFile();

        String traced = grade(options(exercises, "Bind", true), 1);
        assertThat(traced).contains("Stack traces (-Dtrace):", "at sockets101.server.Bind.bind(Bind.java:");
    }

    @Test
    void fullMarksExitZeroAndABrokenFileCostsOnlyItsExercise(@TempDir Path course) throws Exception {
        Path exercises = Course.copyExercises(course);
        Files.copy(Course.solution("server", "Bind"), exercises.resolve("src/main/java/sockets101/server/Bind.java"),
                StandardCopyOption.REPLACE_EXISTING);
        assertThat(grade(options(exercises, "Bind", false), 0)).contains("✔ All passed: 11/11").doesNotContain("Not yet");

        Files.writeString(exercises.resolve("src/main/java/sockets101/server/Listen.java"), "package sockets101.server;\nclass Listen {",
                StandardCharsets.UTF_8);
        assertThat(grade(options(exercises, "Bind", false), 0)).as("Listen's file does not stop Bind").contains("✔ All passed");
        assertThat(grade(options(exercises, "Listen", false), 1)).contains("✘ Listen", "0/", "does not compile:",
                "Listen.java:2: ");
    }

    @Test
    void anUnknownExerciseNamesTheExercises(@TempDir Path course) throws Exception {
        Path exercises = Course.copyExercises(course);
        assertThat(grade(options(exercises, "Bnid", false), Main.CANNOT_GRADE)).contains("There is no exercise Bnid", "Bind, ");
    }
}
