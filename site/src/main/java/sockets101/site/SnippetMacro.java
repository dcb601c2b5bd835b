package sockets101.site;

import org.asciidoctor.ast.Block;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.BlockMacroProcessor;
import org.asciidoctor.extension.Name;
import sockets101.lessons.SnippetParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code snippet::04-server[tag=bind]}: the code of a tag region of
 * {@code lessons/snippets/04-server.jsh}, highlighted, with the output the snippet runner
 * captured for it underneath. A missing file, tag or recorded output is an error that names the
 * lesson's file and line. A file marked {@code //! jdk 21} puts {@code data-jdk="21"} on the
 * snippet's container, so the live page runs it on a kernel of that JDK.
 */
@Name("snippet")
public final class SnippetMacro extends BlockMacroProcessor {
    @Override
    public StructuralNode process(StructuralNode parent, String target, Map<String, Object> attributes) {
        String tag = (String) attributes.get("tag");
        String where = parent.getSourceLocation() == null ? "" : parent.getSourceLocation().getPath();
        if (tag == null) {
            throw new IllegalArgumentException(where + ": snippet::" + target + "[] needs tag=NAME");
        }
        Path snippets = Path.of((String) parent.getDocument().getAttribute("snippets"));
        Path outputs = Path.of((String) parent.getDocument().getAttribute("outputs"));
        Path file = snippets.resolve(target + ".jsh");
        List<String> code = region(file, tag);
        int jdk = requiredJdk(file);
        Path output = outputs.resolve(target).resolve(tag + ".txt");
        String captured;
        try {
            captured = Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        String id = "snippet-" + target + "-" + tag; // the cell the live page runs (assets/live.js)
        Map<String, Object> wrapper = new HashMap<>();
        if (jdk == 0) {
            wrapper.put("role", "snippet");
        }
        Block block = createBlock(parent, "open", "", wrapper);
        if (jdk == 0) {
            block.setId(id);
        }
        block.setAttribute("snippet-file", target, true);
        block.setAttribute("snippet-tag", tag, true);

        // Parsed as AsciiDoc rather than built node by node: only the parser commits a source
        // block's substitutions with Rouge's highlighting.
        String fence = "-".repeat(Math.max(4, longestRun(code, '-') + 1));
        List<String> source = new ArrayList<>();
        if (jdk > 0) {
            // Asciidoctor's open block renders no data-* attribute: this container, the same markup
            // with the JDK the file needs, is written as raw HTML around the code and its output.
            source.addAll(List.of("++++", "<div id=\"" + id + "\" class=\"openblock snippet\" data-jdk=\"" + jdk + "\">",
                    "<div class=\"content\">", "++++", ""));
        }
        source.add("[source,java]");
        source.add(fence);
        source.addAll(code);
        source.add(fence);
        if (!captured.isBlank()) {
            List<String> lines = captured.stripTrailing().lines().toList();
            String dots = ".".repeat(Math.max(4, longestRun(lines, '.') + 1));
            source.add("");
            source.add("." + ("es".equals(parent.getDocument().getAttribute("lang")) ? "Salida" : "Output"));
            source.add("[.output]");
            source.add(dots);
            source.addAll(lines);
            source.add(dots);
        }
        if (jdk > 0) {
            source.addAll(List.of("", "++++", "</div>", "</div>", "++++"));
        }
        parseContent(block, source);
        return block;
    }

    /** The JDK version the snippet file asks for with {@code //! jdk N}, or 0. */
    private static int requiredJdk(Path file) {
        try {
            return SnippetParser.requiredJdk(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The longest line made only of {@code c}, so a fence of one more never closes early. */
    private static int longestRun(List<String> lines, char c) {
        int longest = 0;
        for (String line : lines) {
            String t = line.strip();
            if (!t.isEmpty() && t.chars().allMatch(ch -> ch == c)) {
                longest = Math.max(longest, t.length());
            }
        }
        return longest;
    }

    /** The lines between {@code // tag::TAG[]} and {@code // end::TAG[]}, markers left out. */
    static List<String> region(Path file, String tag) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("snippet file not found: " + file, e);
        }
        List<String> region = new ArrayList<>();
        boolean inside = false;
        boolean found = false;
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.equals("// tag::" + tag + "[]")) {
                inside = true;
                found = true;
            } else if (trimmed.equals("// end::" + tag + "[]")) {
                inside = false;
            } else if (inside && !trimmed.matches("//\\s*(tag|end)::.*|//\\s*throws:.*")) {
                region.add(line);
            }
        }
        if (!found) {
            throw new IllegalArgumentException("tag '" + tag + "' not found in " + file);
        }
        return region;
    }
}
