package sockets101.site;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.util.List;
import java.util.Map;

/**
 * The HTML around each rendered lesson: header (search, language switch), sidebar with the
 * lessons and the current lesson's sections, previous and next links. Every page is one level
 * below the site root ({@code es/}, {@code en/}), so assets are at {@code ../assets/}.
 */
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
        String prev = i > 0 ? "<a rel=\"prev\" href=\"" + list.get(i - 1).fileName() + "\"><span>"
                + t(lesson.lang(), "Anterior", "Previous") + "</span>← " + escape(list.get(i - 1).title()) + "</a>"
                : "<a rel=\"prev\" href=\"index.html\"><span>" + t(lesson.lang(), "Inicio", "Start") + "</span>← "
                + t(lesson.lang(), "Índice del curso", "Course contents") + "</a>";
        String next = i < list.size() - 1 ? "<a rel=\"next\" href=\"" + list.get(i + 1).fileName() + "\"><span>"
                + t(lesson.lang(), "Siguiente", "Next") + "</span>" + escape(list.get(i + 1).title()) + " →</a>" : "<span></span>";
        String body = "<article class=\"lesson\">\n<h1>" + lesson.title() + "</h1>\n" + lesson.html()
                + "\n</article>\n<nav class=\"pager\" aria-label=\"" + t(lesson.lang(), "Lecciones vecinas", "Neighbouring lessons")
                + "\">" + prev + next + "</nav>\n";
        return frame(lesson.lang(), strip(lesson.title()), lesson, body);
    }

    String languageIndex(String lang) {
        StringBuilder body = new StringBuilder("<article class=\"lesson\">\n<h1>Sockets 101 for Java</h1>\n<p class=\"lead\">");
        body.append(t(lang, "Un curso ejecutable sobre sockets de red, para Java: cada ejemplo de código se ejecutó "
                        + "de verdad al construir el sitio y su salida es la real; cada ejercicio se corrige con "
                        + "<code>./mvnw -q -Pstudent test -Dexercise=NOMBRE</code>.",
                "An executable course on network sockets, for Java: every code sample really ran when the site was "
                        + "built and its output is the real one; every exercise is graded with "
                        + "<code>./mvnw -q -Pstudent test -Dexercise=NAME</code>."));
        body.append("</p>\n<ol class=\"toc\">\n");
        for (Lesson lesson : pages.get(lang)) {
            body.append("<li><a href=\"").append(lesson.fileName()).append("\">").append(lesson.title()).append("</a>");
            String description = lesson.description();
            if (description != null && !description.isBlank()) {
                body.append("<br><span class=\"muted\">").append(escape(description)).append("</span>");
            }
            body.append("</li>\n");
        }
        body.append("</ol>\n</article>\n");
        return frame(lang, "Sockets 101 for Java", null, body.toString());
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
                <p lang="es">Un curso ejecutable y bilingüe sobre sockets de red: cada ejemplo se ejecutó al construir el sitio.</p>
                <p lang="en">An executable, bilingual course on network sockets: every sample ran when the site was built.</p>
                <ul class="languages">
                <li><a href="es/index.html" hreflang="es" lang="es">Español</a></li>
                <li><a href="en/index.html" hreflang="en" lang="en">English</a></li>
                </ul>
                </main>
                </body>
                </html>
                """;
    }

    private String frame(String lang, String title, Lesson current, String body) {
        String fileName = current == null ? "index.html" : current.fileName();
        StringBuilder nav = new StringBuilder();
        for (Lesson lesson : pages.get(lang)) {
            boolean here = lesson == current;
            nav.append("<li><a href=\"").append(lesson.fileName()).append('"')
                    .append(here ? " aria-current=\"page\"" : "").append('>').append(lesson.title()).append("</a>");
            if (here) {
                nav.append(sections(lesson));
            }
            nav.append("</li>\n");
        }
        return """
                <!DOCTYPE html>
                <html lang="%1$s">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%2$s · Sockets 101</title>
                <link rel="stylesheet" href="../assets/style.css">
                <link rel="alternate" hreflang="%3$s" href="../%3$s/%4$s">
                <script src="../assets/lunr.min.js" defer></script>
                <script src="../assets/search-index.js" defer></script>
                <script src="../assets/site.js" defer></script>
                <script src="../assets/live.js" defer></script>
                <link rel="stylesheet" href="../assets/live.css">
                </head>
                <body>
                <a class="skip" href="#content">%9$s</a>
                <header class="top">
                <a class="brand" href="index.html">Sockets 101</a>
                <form class="search" role="search" action="#" autocomplete="off">
                <label for="search-input" class="visually-hidden">%10$s</label>
                <input id="search-input" type="search" placeholder="%10$s…" data-lang="%1$s">
                <div id="search-results" class="search-results" hidden></div>
                </form>
                <a class="lang-switch" href="../%3$s/%4$s" hreflang="%3$s" lang="%3$s">%5$s</a>
                </header>
                <div class="layout">
                <nav class="sidebar" aria-label="%6$s">
                <a class="home" href="../index.html">%11$s</a>
                <ol>
                %7$s</ol>
                </nav>
                <main id="content">
                %8$s</main>
                </div>
                </body>
                </html>
                """.formatted(lang, escape(title), other(lang), fileName,
                "es".equals(lang) ? "English" : "Español", t(lang, "Lecciones", "Lessons"), nav, body,
                t(lang, "Saltar al contenido", "Skip to content"), t(lang, "Buscar en el curso", "Search the course"),
                t(lang, "← Portada", "← Home"));
    }

    /** The current lesson's top-level sections, for the sidebar. */
    private static String sections(Lesson lesson) {
        StringBuilder out = new StringBuilder();
        for (Element h2 : Jsoup.parseBodyFragment(lesson.html()).select("div.sect1 > h2[id]")) {
            out.append("<li><a href=\"#").append(h2.id()).append("\">").append(h2.text().isEmpty() ? h2.id()
                    : escape(h2.html().replaceAll("<a class=\"anchor\"[^>]*></a>", ""))).append("</a></li>");
        }
        return out.isEmpty() ? "" : "<ol class=\"sections\">" + out + "</ol>";
    }

    private static String strip(String html) {
        return html.replaceAll("<[^>]+>", "");
    }

    private static String escape(String text) {
        return strip(text).replace("&amp;", "&").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
