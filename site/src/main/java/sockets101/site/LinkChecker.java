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
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks a built site: every internal link and fragment resolves, and nothing is loaded from
 * the network (no remote script, stylesheet, image, font or CSS import). Links to outside pages
 * for the reader to follow ({@code <a href="https://...">}) are allowed.
 */
public final class LinkChecker {
    private static final Pattern CSS_URL = Pattern.compile("(?:url\\(|@import\\s+)['\"]?((?:https?:)?//[^'\")\\s]+)");

    private LinkChecker() {
    }

    /** Every problem found, each naming the file (relative to the site) and the link. */
    public static List<String> check(Path site) throws IOException {
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
        List<String> problems = new ArrayList<>();
        for (Path page : pages) {
            String name = site.relativize(page).toString();
            for (Element e : parsed.get(page).select("[src], link[href], a[href]")) {
                String ref = e.hasAttr("src") ? e.attr("src") : e.attr("href");
                boolean load = !e.tagName().equals("a");
                if (isRemote(ref)) {
                    if (load) {
                        problems.add(name + ": loads a remote resource: <" + e.tagName() + "> " + ref);
                    }
                    continue;
                }
                if (ref.startsWith("mailto:") || ref.startsWith("data:") || ref.startsWith("javascript:")) {
                    continue;
                }
                String path = ref.contains("#") ? ref.substring(0, ref.indexOf('#')) : ref;
                String fragment = ref.contains("#") ? ref.substring(ref.indexOf('#') + 1) : null;
                Path target = path.isEmpty() ? page : page.getParent().resolve(URI.create(path.replace(" ", "%20")).getPath()).normalize();
                if (Files.isDirectory(target)) {
                    target = target.resolve("index.html");
                }
                if (!Files.exists(target)) {
                    problems.add(name + ": broken link " + ref + " (no file " + site.relativize(target) + ")");
                } else if (fragment != null && !fragment.isEmpty() && target.toString().endsWith(".html")
                        && !ids.getOrDefault(target.normalize(), Set.of()).contains(fragment)) {
                    problems.add(name + ": broken fragment " + ref + " (no id '" + fragment + "' in " + site.relativize(target) + ")");
                }
            }
            for (Element style : parsed.get(page).select("style")) {
                remoteCss(name, style.data(), problems);
            }
        }
        for (Path css : styles) {
            remoteCss(site.relativize(css).toString(), Files.readString(css, StandardCharsets.UTF_8), problems);
        }
        return problems;
    }

    private static void remoteCss(String name, String css, List<String> problems) {
        Matcher m = CSS_URL.matcher(css);
        while (m.find()) {
            problems.add(name + ": loads a remote resource from CSS: " + m.group(1));
        }
    }

    private static boolean isRemote(String ref) {
        String lower = ref.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("//");
    }
}
