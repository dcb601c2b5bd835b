package sockets101.grader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads an exercise's hint from its page, {@code sockets101/docs/LANG/NAME.adoc} on the class
 * path: the lines between {@code // tag::hint[]} and {@code // end::hint[]}, the same text the
 * site shows under the lesson. The build checks every hint is there ({@link ManifestWriter});
 * while grading, a missing hint only says so.
 */
public final class Hints {
    private Hints() {
    }

    /** The hint of {@code exercise} in {@code lang}, or a note saying where it should be. */
    public static String of(String exercise, Lang lang) {
        try {
            return find(exercise, lang);
        } catch (IllegalStateException e) {
            return lang.pick("(sin pista: ", "(no hint: ") + e.getMessage() + ")";
        }
    }

    /** The hint, or an exception naming what is missing. */
    static String find(String exercise, Lang lang) {
        String resource = resource(exercise, lang);
        try (InputStream in = open(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return extract(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /**
     * The page from the grader's own class path, else from the thread's context class loader:
     * the student's watch mode runs each grading in a fresh loader that carries the pages.
     */
    private static InputStream open(String resource) {
        InputStream in = Hints.class.getClassLoader().getResourceAsStream(resource);
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return in != null || context == null ? in : context.getResourceAsStream(resource);
    }

    private static String resource(String exercise, Lang lang) {
        return "sockets101/docs/" + lang.code() + "/" + exercise + ".adoc";
    }

    static String extract(String page, String resource) {
        int start = page.indexOf("// tag::hint[]");
        int end = page.indexOf("// end::hint[]");
        if (start < 0 || end < start) {
            throw new IllegalStateException(resource + ": no '// tag::hint[]' … '// end::hint[]' block");
        }
        String body = page.substring(page.indexOf('\n', start) + 1, end).strip();
        if (body.isEmpty()) {
            throw new IllegalStateException(resource + ": the hint block is empty");
        }
        // The hint is AsciiDoc; on a terminal only the inline code marks would be noise.
        return body.replace("`", "");
    }
}
