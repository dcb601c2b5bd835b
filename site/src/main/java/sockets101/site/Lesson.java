package sockets101.site;

import java.nio.file.Path;

/**
 * One rendered lesson page.
 *
 * @param lang        {@code es} or {@code en}
 * @param slug        file name without extension, the same in both languages ({@code 04-server})
 * @param title       the document title (HTML)
 * @param description the document's {@code :description:}, or null
 * @param html        the converted body
 * @param source      the lesson's {@code .adoc} file
 */
public record Lesson(String lang, String slug, String title, String description, String html, Path source) {
    /** The page's file name inside its language folder. */
    public String fileName() {
        return slug + ".html";
    }
}
