package sockets101.grader.watch;

import sockets101.grader.ExerciseSpec;
import sockets101.grader.Graded;
import sockets101.grader.TestSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The graded tests of an exercise read from its test source, for an exercise that does not
 * compile (then JUnit cannot list them): every {@code @Graded(points = …, es = "…", en = "…")},
 * so its row on the scoreboard is worth what it is worth once it compiles.
 */
final class SourceSpecs {
    private static final String TEXT = "\"((?:[^\"\\\\]|\\\\.)*)\"";
    private static final Pattern GRADED = Pattern.compile("@Graded\\s*\\(\\s*(?:points\\s*=\\s*(\\d+)\\s*,\\s*)?es\\s*=\\s*"
            + TEXT + "\\s*,\\s*en\\s*=\\s*" + TEXT + "\\s*\\)");

    private SourceSpecs() {
    }

    /** The spec of {@code entry} as its source declares it; one 1-point test if none can be read. */
    static ExerciseSpec of(ExerciseIndex.Entry entry) {
        List<TestSpec> tests = new ArrayList<>();
        try {
            Matcher m = GRADED.matcher(Files.readString(entry.testSource(), StandardCharsets.UTF_8));
            while (m.find()) {
                int points = m.group(1) == null ? Graded.DEFAULT_POINTS : Integer.parseInt(m.group(1));
                tests.add(new TestSpec("source:" + entry.name() + "#" + tests.size(), "test" + tests.size(), points,
                        unescape(m.group(2)), unescape(m.group(3))));
            }
        } catch (IOException e) {
            tests.clear();
        }
        if (tests.isEmpty()) {
            tests.add(new TestSpec("source:" + entry.name() + "#0", "compiles", 1, "compila", "compiles"));
        }
        return new ExerciseSpec(entry.name(), entry.testClass(), entry.lesson(), entry.section(), tests);
    }

    private static String unescape(String text) {
        return text.replace("\\\"", "\"").replace("\\\\", "\\");
    }
}
