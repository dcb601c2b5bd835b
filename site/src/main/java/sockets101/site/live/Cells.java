package sockets101.site.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds a page's cells in {@code lessons/snippets}. A cell is a tag region of a {@code .jsh};
 * the page names it {@code FILE-TAG} (the id the snippet block carries, less {@code snippet-}).
 * A file's <em>setup</em> is every line before its first {@code // tag::} marker (imports, helpers):
 * a kernel runs it once, before the first cell of that file it runs.
 */
final class Cells {
    /** A cell: its {@code .jsh} (without extension) and its tag. */
    record Cell(String file, String tag) {
    }

    private static final Pattern NAME = Pattern.compile("[\\w.-]+");
    private static final Pattern THROWS = Pattern.compile("^//\\s*throws:\\s*([\\w.$]+)\\s*$");
    private static final Pattern TAG = Pattern.compile("^\\s*//\\s*tag::([\\w.-]+)\\[]\\s*$");

    private final Path snippets;

    Cells(Path snippets) {
        this.snippets = snippets.toAbsolutePath().normalize();
    }

    /** The cell named {@code FILE-TAG}, or null if no file has that tag. */
    Cell find(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return null;
        }
        for (int i = name.indexOf('-'); i > 0; i = name.indexOf('-', i + 1)) {
            String file = name.substring(0, i);
            String tag = name.substring(i + 1);
            List<String> lines = lines(file);
            if (lines != null && lines.stream().anyMatch(l -> l.strip().equals("// tag::" + tag + "[]"))) {
                return new Cell(file, tag);
            }
        }
        return null;
    }

    /** The exception the cell is meant to throw ({@code // throws: Type} inside its region), or null. */
    String expected(Cell cell) {
        List<String> lines = lines(cell.file());
        boolean inside = false;
        for (String line : lines == null ? List.<String>of() : lines) {
            String trimmed = line.strip();
            if (trimmed.equals("// tag::" + cell.tag() + "[]")) {
                inside = true;
            } else if (trimmed.equals("// end::" + cell.tag() + "[]")) {
                inside = false;
            } else if (inside && THROWS.matcher(trimmed).matches()) {
                java.util.regex.Matcher m = THROWS.matcher(trimmed);
                m.matches();
                return m.group(1);
            }
        }
        return null;
    }

    /** The lines of {@code file} before its first tag marker. */
    String setup(String file) {
        List<String> lines = lines(file);
        if (lines == null) {
            throw new IllegalArgumentException("no snippet file " + file + ".jsh");
        }
        StringBuilder setup = new StringBuilder();
        for (String line : lines) {
            if (TAG.matcher(line).matches()) {
                break;
            }
            setup.append(line).append('\n');
        }
        return setup.toString();
    }

    private List<String> lines(String file) {
        Path jsh = snippets.resolve(file + ".jsh").normalize();
        if (!jsh.startsWith(snippets) || !Files.isRegularFile(jsh)) {
            return null;
        }
        try {
            return Files.readAllLines(jsh, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
