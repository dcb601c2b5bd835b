package sockets101.grader;

import java.util.List;

/** Turns a test's failure into the first clear reason a student can act on. */
public final class Reasons {
    /** Longest reason kept; the rest is in the test report. */
    static final int MAX_CHARS = 600;
    private static final int MAX_LINES = 8;

    private Reasons() {
    }

    /** The failure's message (its first lines), naming the exception type where it helps. */
    public static String of(Throwable failure) {
        if (failure instanceof UnsupportedOperationException && String.valueOf(failure.getMessage()).startsWith("TODO")) {
            return Lang.say("sin implementar todavía: ", "not implemented yet: ") + failure.getMessage();
        }
        String message = failure.getMessage();
        boolean assertion = failure instanceof AssertionError;
        String text;
        if (message == null || message.isBlank()) {
            text = failure.getClass().getName();
        } else if (assertion) {
            text = message.strip();
        } else {
            text = failure.getClass().getSimpleName() + ": " + message.strip();
        }
        if (!assertion && failure.getCause() != null && failure.getCause() != failure) {
            text += "\n" + Lang.say("causa: ", "cause: ") + failure.getCause();
        }
        return cap(text);
    }

    /** Keeps the first lines and characters of a text (stack frames left out), marking a cut. */
    public static String cap(String text) {
        // Stack frames help a maintainer, not a student: the test report keeps them.
        List<String> lines = text.lines()
                .filter(line -> !line.matches("\\s+at .*") && !line.startsWith("...("))
                .toList();
        String kept = String.join("\n", lines.subList(0, Math.min(lines.size(), MAX_LINES))).strip();
        boolean cut = lines.size() > MAX_LINES || kept.length() > MAX_CHARS;
        if (kept.length() > MAX_CHARS) {
            kept = kept.substring(0, MAX_CHARS);
        }
        return cut ? kept + " …" : kept;
    }

    /** Longest output a results file keeps. */
    static final int MAX_OUTPUT_CHARS = 32 * 1024;

    /** Caps the whole output of a grading run, marking the cut. */
    public static String capOutput(String text) {
        return text.length() <= MAX_OUTPUT_CHARS ? text : text.substring(0, MAX_OUTPUT_CHARS) + "\n[… cut]";
    }
}
