package sockets101.grader;

import com.fasterxml.jackson.jr.ob.JSON;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The last step of the student's build ({@code ./mvnw -Pstudent test}): prints the scoreboard
 * the {@link GradingListener} wrote, after Maven's own test report, and fails the build unless
 * every graded test passed (a skipped or aborted test too, which Maven alone would let pass).
 * Usage: {@code Verdict GRADE_DIR [es|en]}.
 */
public final class Verdict {
    private Verdict() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Lang lang = args.length > 1 && args[1] != null && !args[1].isBlank() ? Lang.parse(args[1]) : Lang.current();
        String verdict = verdict(dir, lang, System.out);
        if (verdict != null) {
            // exec:java turns the exception into the build's one error line.
            throw new IllegalStateException(verdict);
        }
    }

    /** Prints the scoreboard; returns why the build must fail, or null when it passes. */
    static String verdict(Path dir, Lang lang, java.io.PrintStream out) throws IOException {
        Path results = dir.resolve("results.json");
        Path scoreboard = dir.resolve("scoreboard.txt");
        if (!Files.exists(results) || !Files.exists(scoreboard)) {
            return lang.pick("no hay nota: las pruebas no llegaron al final (¿System.exit en tu código, o un fallo "
                            + "de la JVM?). Mira la salida de arriba.",
                    "no grade: the tests did not get to the end (System.exit in your code, or a JVM crash?). "
                            + "See the output above.");
        }
        out.println(Files.readString(scoreboard, StandardCharsets.UTF_8));
        Map<String, Object> json = JSON.std.mapFrom(Files.readString(results, StandardCharsets.UTF_8));
        int score = ((Number) json.get("score")).intValue();
        int max = ((Number) json.get("max_score")).intValue();
        if (score < max) {
            return lang.pick("Aún no: " + score + "/" + max + " puntos. Lo que falla está arriba, en el marcador.",
                    "Not yet: " + score + "/" + max + " points. What fails is above, under the scoreboard.");
        }
        return null;
    }
}
