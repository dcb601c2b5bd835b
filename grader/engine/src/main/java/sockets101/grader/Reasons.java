package sockets101.grader;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a test's failure into reasons a student can act on, the clearest first: what was
 * expected (the assertion's description), then what happened. Stack frames are left out: the
 * test report keeps them.
 */
public final class Reasons {
    /** Longest reason kept; the rest is in the test report. */
    static final int MAX_CHARS = 600;
    static final int MAX_LINES = 8;
    /** Longest output a results file keeps. */
    static final int MAX_OUTPUT_CHARS = 32 * 1024;

    /** AssertJ's {@code .as(...)} description: {@code [text] } on the first line. */
    private static final Pattern DESCRIPTION = Pattern.compile("^\\[(.*)]\\s*$");
    /** A stub's exception, as it appears inside another message (AssertJ's "but was: ..."). */
    private static final Pattern TODO = Pattern.compile("UnsupportedOperationException: (TODO[^\\n]*)");

    /** A stack frame line: {@code \tat pkg.Type.method(Type.java:12)}. */
    private static final Pattern STACK_FRAME = Pattern.compile("\\s*at [\\w$.<>/@-]+\\(.*\\)\\s*");

    private Reasons() {
    }

    /** The reason of a failure, in the current language. */
    public static String of(Throwable failure) {
        String todo = todo(failure);
        if (todo != null) {
            return Lang.say("sin implementar todavía: ", "not implemented yet: ") + todo;
        }
        if (failure instanceof StackOverflowError) {
            return Lang.say("StackOverflowError: recursión sin fin (un método que se llama a sí mismo sin parar)",
                    "StackOverflowError: endless recursion (a method that keeps calling itself)");
        }
        if (failure instanceof OutOfMemoryError) {
            return cap("OutOfMemoryError: " + failure.getMessage() + Lang.say(
                    " (¿se guarda todo en memoria, o se reserva según un tamaño recibido sin comprobarlo?)",
                    " (keeping everything in memory, or allocating a size received without checking it?)"));
        }
        if (failure instanceof ExceptionInInitializerError && failure.getCause() != null) {
            return cap(Lang.say("el inicializador estático de la clase lanzó ", "the class's static initializer threw ")
                    + describe(failure.getCause()));
        }
        String message = String.valueOf(failure.getMessage());
        if (failure instanceof NoClassDefFoundError && message.startsWith("Could not initialize class ")) {
            String type = message.substring("Could not initialize class ".length()).strip();
            return Lang.say("la clase " + type + " no se pudo inicializar: su inicializador estático falló antes "
                            + "(mira la primera prueba que falló)",
                    "class " + type + " could not be initialized: its static initializer failed earlier "
                            + "(see the first test that failed)");
        }
        if (failure.getClass().getSimpleName().equals("TimeoutException")) {
            return cap(Lang.say("se agotó el tiempo: ", "timed out: ") + message + Lang.say(
                    " (¿un bucle sin fin, o una espera sin plazo?)", " (an endless loop, or a wait with no deadline?)"));
        }
        if (failure instanceof AssertionError) {
            return assertion(message);
        }
        return cap(describe(failure));
    }

    /** {@code Type: message}, with the cause when there is one. */
    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        String text = message == null || message.isBlank()
                ? failure.getClass().getName()
                : failure.getClass().getSimpleName() + ": " + message.strip();
        Throwable cause = failure.getCause();
        if (cause != null && cause != failure) {
            text += "\n" + Lang.say("causa: ", "cause: ") + cause;
        }
        return text;
    }

    /** The "TODO ..." of a stub's exception anywhere in the failure, or null. */
    private static String todo(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (t instanceof UnsupportedOperationException && message != null && message.startsWith("TODO")) {
                return message.lines().findFirst().orElse(message);
            }
            if (t instanceof AssertionError && message != null) {
                Matcher m = TODO.matcher(message);
                if (m.find()) {
                    return m.group(1).strip();
                }
            }
        }
        return null;
    }

    /** An assertion's message: its description first, then what was found. */
    static String assertion(String message) {
        List<String> lines = new ArrayList<>(message.strip().lines().toList());
        if (!lines.isEmpty()) {
            Matcher m = DESCRIPTION.matcher(lines.get(0));
            if (m.matches()) {
                lines.set(0, m.group(1).strip());
            }
        }
        return cap(String.join("\n", lines));
    }

    /** Keeps the first lines and characters of a text (stack frames and blank lines left out), marking a cut. */
    public static String cap(String text) {
        List<String> lines = printable(text).lines()
                .filter(line -> !line.isBlank())
                .filter(line -> !STACK_FRAME.matcher(line).matches() && !line.strip().startsWith("...("))
                .map(String::stripTrailing)
                .toList();
        String kept = String.join("\n", lines.subList(0, Math.min(lines.size(), MAX_LINES))).strip();
        boolean cut = lines.size() > MAX_LINES || kept.length() > MAX_CHARS;
        if (kept.length() > MAX_CHARS) {
            kept = kept.substring(0, MAX_CHARS);
        }
        return cut ? kept + " …" : kept;
    }

    /** Terminal escape sequences (CSI, OSC) of a text the submission could write. */
    private static final Pattern ESCAPES = Pattern.compile("\u001B(\\[[0-?]*[ -/]*[@-~]|\\][^\u0007\u001B]*(\u0007|\u001B\\\\)?|.)?");
    /** Control characters but tab and line feed, C1 controls, and bidirectional overrides. */
    private static final Pattern CONTROLS = Pattern.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F-\\x9F\\u202A-\\u202E\\u2066-\\u2069]");

    /**
     * The text without what a terminal or a page would act on: escape sequences, control
     * characters (but tab and line feed) and bidirectional overrides. Applied to everything the
     * submission can put in a report.
     */
    public static String printable(String text) {
        if (text == null) {
            return null;
        }
        return CONTROLS.matcher(ESCAPES.matcher(text.replace("\r\n", "\n")).replaceAll("")).replaceAll("");
    }

    /** Caps the whole output of a grading run, marking the cut. */
    public static String capOutput(String text) {
        text = printable(text);
        return text.length() <= MAX_OUTPUT_CHARS ? text : text.substring(0, MAX_OUTPUT_CHARS) + "\n[… cut]";
    }
}
