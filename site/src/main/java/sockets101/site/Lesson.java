package sockets101.site;

/**
 * One rendered lesson page.
 *
 * @param lang  {@code es} or {@code en}
 * @param slug  file name without extension, the same in both languages ({@code 04-server})
 * @param title the document title
 * @param html  the converted body
 */
public record Lesson(String lang, String slug, String title, String html) {
    /** The page's file name inside its language folder. */
    public String fileName() {
        return slug + ".html";
    }
}
