package sockets101.site;

import org.asciidoctor.ast.Block;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.BlockMacroProcessor;
import org.asciidoctor.extension.Name;

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
 * lesson's file and line.
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
        Path output = outputs.resolve(target).resolve(tag + ".txt");
        String captured;
        try {
            captured = Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        Map<String, Object> wrapper = new HashMap<>();
        wrapper.put("role", "snippet");
        Block block = createBlock(parent, "open", "", wrapper);
        block.setId("snippet-" + target + "-" + tag); // the cell the live page runs (assets/live.js)
        block.setAttribute("snippet-file", target, true);
        block.setAttribute("snippet-tag", tag, true);

        Map<String, Object> listing = new HashMap<>();
        listing.put("style", "source");
        listing.put("language", "java");
        block.append(createBlock(block, "listing", code, listing));
        if (!captured.isBlank()) {
            Map<String, Object> literal = new HashMap<>();
            literal.put("role", "output");
            Block out = createBlock(block, "literal", captured.stripTrailing(), literal);
            out.setTitle("es".equals(parent.getDocument().getAttribute("lang")) ? "Salida" : "Output");
            block.append(out);
        }
        return block;
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
