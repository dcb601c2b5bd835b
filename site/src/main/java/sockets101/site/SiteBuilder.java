package sockets101.site;

import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import org.asciidoctor.ast.Document;
import org.asciidoctor.log.LogHandler;
import org.asciidoctor.log.LogRecord;
import org.asciidoctor.log.Severity;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Renders {@code lessons/{es,en}/*.adoc}, with their snippets and captured outputs, to a static
 * site that works offline and from {@code file://}. One Asciidoctor (a JRuby boot costs
 * seconds) serves every page. Fails, naming the file, on a missing include, tag or snippet, an
 * unresolved cross reference, a broken internal link or fragment, or a reference to a remote
 * resource; problems found in the HTML are mapped back to the lesson's {@code .adoc} file.
 *
 * <p>Usage: {@code SiteBuilder --root PROJECT_ROOT --out SITE_DIR}
 */
public final class SiteBuilder {
    static final List<String> LANGS = List.of("es", "en");
    private static final Pattern SNIPPET = Pattern.compile("^snippet::([\\w.-]+)\\[tag=([\\w.-]+)]\\s*$");
    private static final Pattern REMOTE_DIRECTIVE = Pattern.compile(
            "^\\s*(include|image|video|audio)::?\\s*(?:(?:https?|ftp):)?//.*",
            Pattern.CASE_INSENSITIVE);
    /** Inline code holding "((": AsciiDoc takes it for an index term and silently drops the parentheses. */
    private static final Pattern INDEX_TERM_IN_CODE = Pattern.compile("`([^`+][^`]*\\(\\([^`]*)`");
    private static final String LUNR = "META-INF/resources/webjars/lunr/%s/%s";

    private final Path root;
    private final Path out;
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());

    SiteBuilder(Path root, Path out) {
        this.root = root.toAbsolutePath().normalize();
        this.out = out.toAbsolutePath().normalize();
    }

    public static void main(String[] args) throws IOException {
        Path root = null;
        Path out = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--root" -> root = Path.of(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (root == null || out == null) {
            throw new IllegalArgumentException("usage: SiteBuilder --root PROJECT_ROOT --out SITE_DIR");
        }
        long start = System.nanoTime();
        SiteBuilder builder = new SiteBuilder(root, out);
        String inputs = builder.inputsHash();
        Path stamp = builder.out.resolve(".inputs.sha256");
        if (Files.exists(stamp) && Files.readString(stamp).equals(inputs) && Files.exists(builder.out.resolve("index.html"))) {
            System.out.printf("[site] unchanged (lessons, snippets, outputs, exercise pages, renderer), not rebuilt: %s%n",
                    builder.out.resolve("index.html").toUri());
            return;
        }
        Files.deleteIfExists(stamp);
        List<String> problems = builder.build();
        if (!problems.isEmpty()) {
            problems.forEach(p -> System.err.println("[site] " + p));
            System.err.println("[site] " + problems.size() + " problem(s): the site is not built");
            System.exit(1);
        }
        Files.writeString(stamp, inputs, StandardCharsets.UTF_8); // only a clean build is remembered
        System.out.printf("[site] built in %.1f s: %s%n", (System.nanoTime() - start) / 1e9,
                builder.out.resolve("index.html").toUri());
    }

    /**
     * A hash of everything a page can depend on: the lessons, snippets and their recorded
     * outputs, the exercise pages and sources a lesson may include, and this renderer's own
     * classes and assets. Equal hashes mean the last clean build is still the right one.
     */
    String inputsHash() throws IOException {
        java.security.MessageDigest digest;
        try {
            digest = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        List<Path> dirs = new ArrayList<>(List.of(root.resolve("lessons/es"), root.resolve("lessons/en"),
                root.resolve("lessons/snippets"), root.resolve("lessons/target/snippets"), root.resolve("exercises/docs"),
                root.resolve("exercises/src/main"), root.resolve("solutions/src/main")));
        try {
            dirs.add(Path.of(SiteBuilder.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (java.net.URISyntaxException | NullPointerException e) {
            return "unknown"; // cannot tell what renders: always build
        }
        for (Path dir : dirs) {
            if (!Files.exists(dir)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(dir)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : files) {
                digest.update(file.toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            }
        }
        digest.update(System.getProperty("java.class.path", "").getBytes(StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(digest.digest());
    }

    /** Builds the site with a fresh Asciidoctor and returns every problem found (none means the site is good). */
    List<String> build() throws IOException {
        try (Asciidoctor asciidoctor = Asciidoctor.Factory.create()) {
            return build(asciidoctor);
        }
    }

    /** Builds the site with the given Asciidoctor (tests share one: it takes seconds to create). */
    List<String> build(Asciidoctor asciidoctor) throws IOException {
        Path lessons = root.resolve("lessons");
        Map<String, List<Path>> sources = new TreeMap<>();
        for (String lang : LANGS) {
            try (Stream<Path> list = Files.list(lessons.resolve(lang))) {
                sources.put(lang, list.filter(p -> p.toString().endsWith(".adoc")).sorted().toList());
            }
        }
        List<String> es = sources.get("es").stream().map(p -> p.getFileName().toString()).toList();
        List<String> en = sources.get("en").stream().map(p -> p.getFileName().toString()).toList();
        if (!es.equals(en)) {
            problems.add("lessons/es and lessons/en must hold the same files: es=" + es + " en=" + en);
            return problems;
        }
        sources.values().forEach(files -> files.forEach(this::checkSource));
        if (!problems.isEmpty()) {
            return problems;
        }

        Map<String, List<Lesson>> pages = new TreeMap<>();
        if (asciidoctor.javaExtensionRegistry() != null) {
            registerOnce(asciidoctor);
        }
        LogHandler handler = this::log;
        asciidoctor.registerLogHandler(handler);
        try {
            for (String lang : LANGS) {
                List<Lesson> list = new ArrayList<>();
                for (Path file : sources.get(lang)) {
                    list.add(render(asciidoctor, lang, file));
                }
                pages.put(lang, list);
            }
        } finally {
            asciidoctor.unregisterLogHandler(handler);
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        Files.createDirectories(out);
        PageTemplate template = new PageTemplate(pages);
        for (String lang : LANGS) {
            Path dir = Files.createDirectories(out.resolve(lang));
            Files.writeString(dir.resolve("index.html"), template.languageIndex(lang), StandardCharsets.UTF_8);
            for (Lesson lesson : pages.get(lang)) {
                Files.writeString(dir.resolve(lesson.fileName()), template.page(lesson), StandardCharsets.UTF_8);
            }
        }
        Files.writeString(out.resolve("index.html"), template.landing(), StandardCharsets.UTF_8);
        copyAsset("style.css");
        copyAsset("site.js");
        copyAsset("live.js");
        copyAsset("live.css");
        copyLunr();
        Files.writeString(out.resolve("assets/search-index.js"), SearchIndex.script(pages), StandardCharsets.UTF_8);
        for (LinkChecker.Problem problem : LinkChecker.check(out)) {
            problems.add(locate(problem, pages));
        }
        return problems;
    }

    private static final Map<Asciidoctor, Boolean> REGISTERED = Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private static void registerOnce(Asciidoctor asciidoctor) {
        if (REGISTERED.putIfAbsent(asciidoctor, Boolean.TRUE) == null) {
            asciidoctor.javaExtensionRegistry().blockMacro(SnippetMacro.class);
        }
    }

    private Lesson render(Asciidoctor asciidoctor, String lang, Path file) {
        Path lessons = root.resolve("lessons");
        Attributes attributes = Attributes.builder()
                .attribute("lang", lang)
                .attribute("snippets", lessons.resolve("snippets").toString())
                .attribute("outputs", lessons.resolve("target/snippets").toString())
                .attribute("exercises", root.resolve("exercises/docs").toString())
                .sourceHighlighter("rouge")
                .attribute("rouge-css", "class")
                .attribute("webfonts!", "")
                .attribute("icons!", "")
                .attribute("idprefix", "")
                .attribute("idseparator", "-")
                .attribute("sectanchors", "")
                .attribute("source-language", "java")
                .attribute("relfilesuffix", ".html")
                .attribute("caution-caption", "es".equals(lang) ? "Precaución" : "Caution")
                .attribute("important-caption", "es".equals(lang) ? "Importante" : "Important")
                .attribute("note-caption", "es".equals(lang) ? "Nota" : "Note")
                .attribute("tip-caption", "es".equals(lang) ? "Consejo" : "Tip")
                .attribute("warning-caption", "es".equals(lang) ? "Atención" : "Warning")
                .attribute("example-caption", "es".equals(lang) ? "Ejemplo" : "Example")
                .attribute("figure-caption", "es".equals(lang) ? "Figura" : "Figure")
                .attribute("table-caption", "es".equals(lang) ? "Tabla" : "Table")
                .build();
        Options options = Options.builder()
                .safe(SafeMode.UNSAFE)
                .standalone(false)
                .sourcemap(true)
                .baseDir(file.getParent().toFile())
                .attributes(attributes)
                .toFile(false)
                .build();
        Document document = asciidoctor.loadFile(file.toFile(), options);
        String html = decorate(lang, document.convert());
        String slug = file.getFileName().toString().replaceFirst("\\.adoc$", "");
        Object description = document.getAttribute("description");
        return new Lesson(lang, slug, document.getDoctitle(), description == null ? null : description.toString(), html, file);
    }

    /** Marks the exercise sections (task, hint, command) so the stylesheet and the copy button find them. */
    static String decorate(String lang, String html) {
        org.jsoup.nodes.Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        for (Element table : doc.select("table.tableblock")) {
            table.wrap("<div class=\"table-wrap\"></div>"); // wide tables scroll on a phone instead of the page
        }
        for (Element heading : doc.select("h2[id^=ejercicio], h2[id^=exercise], h3[id^=ejercicio], h3[id^=exercise], "
                + "h4[id^=ejercicio], h4[id^=exercise]")) {
            Element section = heading.parent();
            section.addClass("exercise");
            for (Element title : section.select(".paragraph > .title, .ulist > .title, .olist > .title")) {
                String text = title.text().strip().toLowerCase(java.util.Locale.ROOT);
                if (text.equals("pista") || text.equals("hint")) {
                    title.parent().addClass("hint");
                }
            }
            for (Element code : section.select("code")) {
                if (code.text().startsWith("./mvnw") || code.text().startsWith("mvnw") || code.text().startsWith("java -jar")) {
                    code.addClass("command");
                }
            }
        }
        return doc.body().html();
    }

    /** Names the lesson file (and line, where the link's text is found) of a problem seen in the HTML. */
    private String locate(LinkChecker.Problem problem, Map<String, List<Lesson>> pages) {
        for (List<Lesson> list : pages.values()) {
            for (Lesson lesson : list) {
                if (problem.page().equals(lesson.lang() + "/" + lesson.fileName())) {
                    Path adoc = root.relativize(lesson.source());
                    return adoc + line(lesson.source(), problem.ref()) + ": " + problem.message() + " (in " + problem.page() + ")";
                }
            }
        }
        return problem.toString();
    }

    private static String line(Path adoc, String ref) {
        List<String> needles = new ArrayList<>();
        needles.add(ref);
        String path = ref.contains("#") ? ref.substring(0, ref.indexOf('#')) : ref;
        String fragment = ref.contains("#") ? ref.substring(ref.indexOf('#') + 1) : "";
        if (!fragment.isEmpty()) {
            needles.add("<<" + fragment);
            needles.add("#" + fragment);
        }
        if (path.endsWith(".html")) {
            needles.add(path.replaceFirst("\\.html$", ".adoc"));
            needles.add(path.replaceFirst("\\.html$", ""));
        }
        if (!fragment.isEmpty()) {
            needles.add(fragment);
        }
        try {
            List<String> lines = Files.readAllLines(adoc, StandardCharsets.UTF_8);
            for (String needle : needles) {
                for (int i = 0; i < lines.size(); i++) {
                    if (!needle.isEmpty() && lines.get(i).contains(needle)) {
                        return ":" + (i + 1);
                    }
                }
            }
        } catch (IOException ignored) {
            // the file name alone still says where to look
        }
        return "";
    }

    private void log(LogRecord record) {
        if (record.getSeverity().ordinal() < Severity.WARN.ordinal()) {
            return;
        }
        String where = record.getCursor() == null || record.getCursor().getFile() == null ? ""
                : root.relativize(Path.of(record.getCursor().getFile()).toAbsolutePath())
                + ":" + record.getCursor().getLineNumber() + ": ";
        problems.add(where + record.getMessage());
    }

    /**
     * Checks a lesson's source before rendering: each {@code snippet::} macro names an existing
     * file and tag (with the exact line), and nothing is included or shown from the network.
     */
    private void checkSource(Path adoc) {
        List<String> lines;
        try {
            lines = Files.readAllLines(adoc, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(root.relativize(adoc) + ": cannot read: " + e.getMessage());
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (REMOTE_DIRECTIVE.matcher(line).matches()) {
                problems.add(root.relativize(adoc) + ":" + (i + 1) + ": refers to a remote resource: "
                        + line.strip() + " (the site must work offline: copy it into the project)");
            }
            Matcher code = INDEX_TERM_IN_CODE.matcher(line);
            if (code.find() && !line.startsWith("//")) {
                problems.add(root.relativize(adoc) + ":" + (i + 1) + ": `" + code.group(1) + "` renders without its "
                        + "double parentheses (AsciiDoc reads ((...)) as an index term): write `+" + code.group(1) + "+`");
            }
            Matcher m = SNIPPET.matcher(line.strip());
            if (line.startsWith("snippet::") && !m.matches()) {
                problems.add(root.relativize(adoc) + ":" + (i + 1) + ": write snippet::FILE[tag=NAME]");
            } else if (m.matches()) {
                Path jsh = root.resolve("lessons/snippets").resolve(m.group(1) + ".jsh");
                try {
                    SnippetMacro.region(jsh, m.group(2));
                } catch (IllegalArgumentException e) {
                    problems.add(root.relativize(adoc) + ":" + (i + 1) + ": " + e.getMessage().replace(root + "/", ""));
                }
            }
        }
    }

    private void copyAsset(String name) throws IOException {
        try (InputStream in = SiteBuilder.class.getResourceAsStream("assets/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing asset " + name);
            }
            Files.createDirectories(out.resolve("assets"));
            Files.write(out.resolve("assets").resolve(name), in.readAllBytes());
        }
    }

    /** lunr.js from its WebJar, with its licence, loaded by the pages as a plain script. */
    private void copyLunr() throws IOException {
        ClassLoader loader = SiteBuilder.class.getClassLoader();
        Properties pom = new Properties();
        try (InputStream in = loader.getResourceAsStream("META-INF/maven/org.webjars.npm/lunr/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the lunr WebJar is not on the class path");
            }
            pom.load(in);
        }
        String version = pom.getProperty("version");
        for (String[] file : new String[][] {{"lunr.min.js", "lunr.min.js"}, {"LICENSE", "lunr.LICENSE.txt"}}) {
            try (InputStream in = loader.getResourceAsStream(LUNR.formatted(version, file[0]))) {
                if (in == null) {
                    throw new IllegalStateException("missing " + LUNR.formatted(version, file[0]));
                }
                Files.write(out.resolve("assets").resolve(file[1]), in.readAllBytes());
            }
        }
    }
}
