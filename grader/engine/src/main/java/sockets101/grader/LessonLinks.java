package sockets101.grader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a failure's lesson is, as something a student can open: a {@code file:} URL into a
 * built copy of the site when there is one (this repository's {@code site/target/site/}, or the
 * {@code site/} folder a student export carries), else the published site's URL when one is
 * configured, else the lesson's source file, else only the lesson's and section's names. It
 * never prints a path that does not exist.
 */
public final class LessonLinks {
    /** System property: base URL of the published site (its {@code es/} and {@code en/} are under it). */
    public static final String URL_PROPERTY = "sockets101.site.url";
    /** Environment variable read when {@value #URL_PROPERTY} is not set. */
    public static final String URL_ENV = "SOCKETS101_SITE_URL";
    /** System property: the project root to look for a built site in (default: the working folder and its parent). */
    public static final String ROOT_PROPERTY = "sockets101.root";

    private final List<Path> roots;
    private final String siteUrl;

    private LessonLinks(List<Path> roots, String siteUrl) {
        this.roots = List.copyOf(roots);
        this.siteUrl = siteUrl == null || siteUrl.isBlank() ? null
                : siteUrl.strip().endsWith("/") ? siteUrl.strip() : siteUrl.strip() + "/";
    }

    /** Links for a project rooted at {@code root} (it holds {@code site/} and perhaps {@code lessons/}); {@code siteUrl} may be blank. */
    public static LessonLinks of(Path root, String siteUrl) {
        return new LessonLinks(List.of(root.toAbsolutePath().normalize()), siteUrl);
    }

    /**
     * Links from the system properties and the environment: the URL from {@value #URL_PROPERTY}
     * or {@value #URL_ENV}; the project root from {@value #ROOT_PROPERTY}, else the working
     * folder and its parent (an IDE runs the exercises' tests in {@code exercises/}).
     */
    public static LessonLinks fromEnvironment() {
        String url = System.getProperty(URL_PROPERTY, "");
        if (url.isBlank()) {
            url = System.getenv().getOrDefault(URL_ENV, "");
        }
        String root = System.getProperty(ROOT_PROPERTY, "");
        if (!root.isBlank()) {
            return of(Path.of(root), url);
        }
        Path cwd = Path.of("").toAbsolutePath().normalize();
        List<Path> roots = new ArrayList<>();
        roots.add(cwd);
        if (cwd.getParent() != null) {
            roots.add(cwd.getParent());
        }
        return new LessonLinks(roots, url);
    }

    /** The page of the built site that holds {@code lesson} in {@code lang}, if a built site is here. */
    public java.util.Optional<Path> page(String lesson, Lang lang) {
        for (Path root : roots) {
            // This repository builds the site into site/target/site; a student export carries it as site/.
            for (Path site : List.of(root.resolve("site/target/site"), root.resolve("site"))) {
                Path page = site.resolve(lang.code()).resolve(lesson + ".html");
                if (Files.isRegularFile(page)) {
                    return java.util.Optional.of(page);
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** Where the lesson section of {@code exercise} is, in {@code lang}. */
    public String link(ExerciseSpec exercise, Lang lang) {
        return link(exercise.lesson(), exercise.section(), lang);
    }

    /** Where section {@code section} of lesson {@code lesson} is, in {@code lang}. */
    public String link(String lesson, String section, Lang lang) {
        var page = page(lesson, lang);
        if (page.isPresent()) {
            return page.get().toUri() + "#" + section;
        }
        if (siteUrl != null) {
            return siteUrl + lang.code() + "/" + lesson + ".html#" + section;
        }
        for (Path root : roots) {
            Path source = root.resolve("lessons").resolve(lang.code()).resolve(lesson + ".adoc");
            if (Files.isRegularFile(source)) {
                return source.toUri() + " (§ " + section + lang.pick(
                        "; para la página, construye el sitio: ./mvnw -q package -DskipTests -pl site -am)",
                        "; for the page, build the site: ./mvnw -q package -DskipTests -pl site -am)");
            }
        }
        return lang.pick("lección ", "lesson ") + lesson + " § " + section;
    }
}
