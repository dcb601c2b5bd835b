package sockets101.grader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads an exercise's hint from its page, {@code sockets101/docs/LANG/NAME.adoc} on the class
 * path: the lines between {@code // tag::hint[]} and {@code // end::hint[]}, the same text the
 * site shows under the lesson.
 */
public final class Hints {
    private Hints() {
    }

    /** The hint of {@code exercise} in {@code lang}, or a note saying where it should be. */
    public static String of(String exercise, Lang lang) {
        String resource = "sockets101/docs/" + lang.code() + "/" + exercise + ".adoc";
        try (InputStream in = Hints.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return lang.pick("(sin pista: falta ", "(no hint: missing ") + resource + ")";
            }
            return extract(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    static String extract(String page, String resource) {
        int start = page.indexOf("// tag::hint[]");
        int end = page.indexOf("// end::hint[]");
        if (start < 0 || end < start) {
            throw new IllegalStateException(resource + ": no '// tag::hint[]' … '// end::hint[]' block");
        }
        String body = page.substring(page.indexOf('\n', start) + 1, end).strip();
        // The hint is AsciiDoc; on a terminal only the inline code marks would be noise.
        return body.replace("`", "");
    }
}
