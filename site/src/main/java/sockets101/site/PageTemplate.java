package sockets101.site;

import java.util.List;
import java.util.Map;

/** The HTML around each rendered lesson: sidebar, language switch, previous and next links. */
final class PageTemplate {
    private final Map<String, List<Lesson>> pages;

    PageTemplate(Map<String, List<Lesson>> pages) {
        this.pages = pages;
    }

    private static String t(String lang, String es, String en) {
        return "es".equals(lang) ? es : en;
    }

    private static String other(String lang) {
        return "es".equals(lang) ? "en" : "es";
    }

    String page(Lesson lesson) {
        List<Lesson> list = pages.get(lesson.lang());
        int i = list.indexOf(lesson);
        String prev = i > 0 ? "<a rel=\"prev\" href=\"" + list.get(i - 1).fileName() + "\">← "
                + escape(list.get(i - 1).title()) + "</a>" : "<span></span>";
        String next = i < list.size() - 1 ? "<a rel=\"next\" href=\"" + list.get(i + 1).fileName() + "\">"
                + escape(list.get(i + 1).title()) + " →</a>" : "<span></span>";
        String body = "<article class=\"lesson\">\n<h1>" + lesson.title() + "</h1>\n" + lesson.html()
                + "\n</article>\n<nav class=\"pager\" aria-label=\"" + t(lesson.lang(), "Lecciones vecinas", "Neighbouring lessons")
                + "\">" + prev + next + "</nav>\n";
        return frame(lesson.lang(), strip(lesson.title()), lesson.fileName(), body);
    }

    String languageIndex(String lang) {
        StringBuilder body = new StringBuilder("<article class=\"lesson\">\n<h1>Sockets 101 for Java</h1>\n<p>");
        body.append(t(lang, "Un curso ejecutable sobre sockets de red, para Java: cada ejemplo de código se ejecutó "
                        + "de verdad al construir el sitio, y cada ejercicio se corrige con <code>./mvnw -Pstudent test</code>.",
                "An executable course on network sockets, for Java: every code sample really ran when the site was "
                        + "built, and every exercise is graded with <code>./mvnw -Pstudent test</code>."));
        body.append("</p>\n<ol class=\"toc\">\n");
        for (Lesson lesson : pages.get(lang)) {
            body.append("<li><a href=\"").append(lesson.fileName()).append("\">").append(lesson.title()).append("</a></li>\n");
        }
        body.append("</ol>\n</article>\n");
        return frame(lang, "Sockets 101 for Java", "index.html", body.toString());
    }

    String landing() {
        return """
                <!DOCTYPE html>
                <html lang="es">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Sockets 101 for Java</title>
                <link rel="stylesheet" href="assets/style.css">
                </head>
                <body class="landing">
                <main>
                <h1>Sockets 101 for Java</h1>
                <p lang="es">Un curso ejecutable y bilingüe sobre sockets de red.</p>
                <p lang="en">An executable, bilingual course on network sockets.</p>
                <ul class="languages">
                <li><a href="es/index.html" hreflang="es">Español</a></li>
                <li><a href="en/index.html" hreflang="en">English</a></li>
                </ul>
                </main>
                </body>
                </html>
                """;
    }

    private String frame(String lang, String title, String fileName, String body) {
        StringBuilder nav = new StringBuilder();
        for (Lesson lesson : pages.get(lang)) {
            boolean current = lesson.fileName().equals(fileName);
            nav.append("<li><a href=\"").append(lesson.fileName()).append('"')
                    .append(current ? " aria-current=\"page\"" : "").append('>').append(lesson.title()).append("</a></li>\n");
        }
        return """
                <!DOCTYPE html>
                <html lang="%1$s">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%2$s · Sockets 101</title>
                <link rel="stylesheet" href="../assets/style.css">
                <script src="../assets/live.js" defer></script>
                <link rel="stylesheet" href="../assets/live.css">
                </head>
                <body>
                <header class="top">
                <a class="brand" href="index.html">Sockets 101</a>
                <a class="lang-switch" href="../%3$s/%4$s" hreflang="%3$s" lang="%3$s">%5$s</a>
                </header>
                <div class="layout">
                <nav class="sidebar" aria-label="%6$s">
                <ol>
                %7$s</ol>
                </nav>
                <main>
                %8$s</main>
                </div>
                </body>
                </html>
                """.formatted(lang, escape(title), other(lang), fileName,
                "es".equals(lang) ? "English" : "Español", t(lang, "Lecciones", "Lessons"), nav, body);
    }

    private static String strip(String html) {
        return html.replaceAll("<[^>]+>", "");
    }

    private static String escape(String text) {
        return strip(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
