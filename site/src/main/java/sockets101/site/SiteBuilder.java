package sockets101.site;

import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import org.asciidoctor.ast.Document;
import org.asciidoctor.log.LogRecord;
import org.asciidoctor.log.Severity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Renders {@code lessons/{es,en}/*.adoc}, with their snippets and captured outputs, to a static
 * site that works offline and from {@code file://}. One Asciidoctor (a JRuby boot costs
 * seconds) serves every page. Fails, naming the file, on a missing include, tag or snippet, a
 * broken internal link or fragment, or a reference to a remote resource.
 *
 * <p>Usage: {@code SiteBuilder --root PROJECT_ROOT --out SITE_DIR}
 */
public final class SiteBuilder {
    static final List<String> LANGS = List.of("es", "en");
    private static final Pattern SNIPPET = Pattern.compile("^snippet::([\\w.-]+)\\[tag=([\\w.-]+)]\\s*$");

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
        List<String> problems = builder.build();
        if (!problems.isEmpty()) {
            problems.forEach(p -> System.err.println("[site] " + p));
            System.err.println("[site] " + problems.size() + " problem(s): the site is not built");
            System.exit(1);
        }
        System.out.printf("[site] built in %.1f s: %s%n", (System.nanoTime() - start) / 1e9,
                builder.out.resolve("index.html").toUri());
    }

    /** Builds the site and returns every problem found (none means the site is good). */
    List<String> build() throws IOException {
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
        sources.values().forEach(files -> files.forEach(this::checkSnippetMacros));
        if (!problems.isEmpty()) {
            return problems;
        }

        Map<String, List<Lesson>> pages = new TreeMap<>();
        try (Asciidoctor asciidoctor = Asciidoctor.Factory.create()) {
            asciidoctor.javaExtensionRegistry().blockMacro(SnippetMacro.class);
            asciidoctor.registerLogHandler(this::log);
            for (String lang : LANGS) {
                List<Lesson> list = new ArrayList<>();
                for (Path file : sources.get(lang)) {
                    list.add(render(asciidoctor, lang, file));
                }
                pages.put(lang, list);
            }
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
        copyAsset("live.js");
        copyAsset("live.css");
        problems.addAll(LinkChecker.check(out));
        return problems;
    }

    private Lesson render(Asciidoctor asciidoctor, String lang, Path file) throws IOException {
        Path lessons = root.resolve("lessons");
        Attributes attributes = Attributes.builder()
                .attribute("lang", lang)
                .attribute("snippets", lessons.resolve("snippets").toString())
                .attribute("outputs", lessons.resolve("target/snippets").toString())
                .attribute("exercises", root.resolve("exercises/docs").toString())
                .sourceHighlighter("rouge")
                .attribute("rouge-style", "github")
                .attribute("rouge-css", "style")
                .attribute("webfonts!", "")
                .attribute("icons!", "")
                .attribute("idprefix", "")
                .attribute("idseparator", "-")
                .attribute("sectanchors", "")
                .attribute("source-language", "java")
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
        String html = document.convert();
        String slug = file.getFileName().toString().replaceFirst("\\.adoc$", "");
        return new Lesson(lang, slug, document.getDoctitle(), html);
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

    /** Names the exact line of a {@code snippet::} macro whose file or tag does not exist. */
    private void checkSnippetMacros(Path adoc) {
        List<String> lines;
        try {
            lines = Files.readAllLines(adoc, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(root.relativize(adoc) + ": cannot read: " + e.getMessage());
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = SNIPPET.matcher(lines.get(i).strip());
            if (lines.get(i).startsWith("snippet::") && !m.matches()) {
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
}
