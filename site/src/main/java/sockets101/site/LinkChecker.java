package sockets101.site;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks a built site: every internal link and fragment resolves, and nothing is loaded from
 * the network (no remote script, stylesheet, image, frame, font or CSS import). Links to outside
 * pages for the reader to follow ({@code <a href="https://...">}) are allowed.
 */
public final class LinkChecker {
    private static final Pattern CSS_URL = Pattern.compile("(?:url\\(|@import\\s+)\\s*['\"]?((?:[a-zA-Z][\\w+.-]*:)?//[^'\")\\s]+)");
    /** Attributes through which an element makes the browser fetch something. */
    private static final List<String> LOADING = List.of("src", "srcset", "poster", "data", "xlink:href", "background");

    /**
     * One problem in one page.
     *
     * @param page    the page, relative to the site ({@code es/04-server.html})
     * @param ref     the link or resource at fault
     * @param message what is wrong
     */
    public record Problem(String page, String ref, String message) {
        @Override
        public String toString() {
            return page + ": " + message;
        }
    }

    private LinkChecker() {
    }

    /** Every problem found, each naming the file (relative to the site) and the link. */
    public static List<Problem> check(Path site) throws IOException {
        Map<Path, Set<String>> ids = new HashMap<>();
        List<Path> pages;
        List<Path> styles;
        try (Stream<Path> walk = Files.walk(site)) {
            List<Path> all = walk.filter(Files::isRegularFile).toList();
            pages = all.stream().filter(p -> p.toString().endsWith(".html")).toList();
            styles = all.stream().filter(p -> p.toString().endsWith(".css")).toList();
        }
        Map<Path, Document> parsed = new HashMap<>();
        for (Path page : pages) {
            Document doc = Jsoup.parse(page.toFile(), StandardCharsets.UTF_8.name());
            parsed.put(page, doc);
            ids.put(page.normalize(), doc.select("[id], a[name]").stream()
                    .map(e -> e.hasAttr("id") ? e.id() : e.attr("name")).collect(Collectors.toSet()));
        }
        List<Problem> problems = new ArrayList<>();
        for (Path page : pages) {
            String name = site.relativize(page).toString().replace('\\', '/');
            Document doc = parsed.get(page);
            for (Element e : doc.getAllElements()) {
                for (String attr : LOADING) {
                    if (e.hasAttr(attr)) {
                        for (String ref : e.attr(attr).split(attr.equals("srcset") ? "," : "\\n")) {
                            ref = ref.strip().split("\\s+")[0];
                            if (isRemote(ref)) {
                                problems.add(new Problem(name, ref, "loads a remote resource: <" + e.tagName() + " " + attr + "=\"" + ref + "\">"));
                            } else if (!attr.equals("srcset") && !attr.equals("xlink:href")) {
                                local(site, page, name, e, ref, ids, problems);
                            }
                        }
                    }
                }
                if (e.hasAttr("style")) {
                    remoteCss(name, e.attr("style"), problems);
                }
                boolean followed = e.tagName().equals("a") || e.tagName().equals("area");
                if (e.hasAttr("href") && (followed || e.tagName().equals("link"))) {
                    String ref = e.attr("href");
                    if (isRemote(ref)) {
                        if (!followed) {
                            problems.add(new Problem(name, ref, "loads a remote resource: <link href=\"" + ref + "\">"));
                        }
                    } else {
                        local(site, page, name, e, ref, ids, problems);
                    }
                }
            }
            for (Element style : doc.select("style")) {
                remoteCss(name, style.data(), problems);
            }
        }
        for (Path css : styles) {
            remoteCss(site.relativize(css).toString(), Files.readString(css, StandardCharsets.UTF_8), problems);
        }
        return problems;
    }

    private static void local(Path site, Path page, String name, Element e, String ref, Map<Path, Set<String>> ids,
                              List<Problem> problems) {
        String lower = ref.toLowerCase(Locale.ROOT);
        if (lower.startsWith("mailto:") || lower.startsWith("data:") || lower.startsWith("javascript:") || lower.startsWith("tel:")) {
            return;
        }
        if (lower.matches("^[a-z][a-z0-9+.-]*:.*")) {
            problems.add(new Problem(name, ref, "link with an unexpected scheme: " + ref));
            return;
        }
        String path = ref.contains("#") ? ref.substring(0, ref.indexOf('#')) : ref;
        path = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        String fragment = ref.contains("#") ? ref.substring(ref.indexOf('#') + 1) : null;
        Path target;
        try {
            target = path.isEmpty() ? page : page.getParent().resolve(URI.create(path.replace(" ", "%20")).getPath()).normalize();
        } catch (IllegalArgumentException bad) {
            problems.add(new Problem(name, ref, "malformed link " + ref));
            return;
        }
        if (Files.isDirectory(target)) {
            target = target.resolve("index.html");
        }
        if (!target.startsWith(site)) {
            problems.add(new Problem(name, ref, "link leaves the site: " + ref));
        } else if (!Files.exists(target)) {
            problems.add(new Problem(name, ref, "broken link " + ref + " (no file " + site.relativize(target) + ")"));
        } else if (fragment != null && !fragment.isEmpty() && target.toString().endsWith(".html")
                && !ids.getOrDefault(target.normalize(), Set.of()).contains(decode(fragment))) {
            problems.add(new Problem(name, ref, "broken fragment " + ref + " (no id '" + fragment + "' in "
                    + site.relativize(target) + ")"));
        }
    }

    private static String decode(String fragment) {
        return java.net.URLDecoder.decode(fragment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static void remoteCss(String name, String css, List<Problem> problems) {
        Matcher m = CSS_URL.matcher(css);
        while (m.find()) {
            problems.add(new Problem(name, m.group(1), "loads a remote resource from CSS: " + m.group(1)));
        }
    }

    static boolean isRemote(String ref) {
        String lower = ref.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("//") || lower.matches("^(https?|ftp|wss?):.*");
    }
}
