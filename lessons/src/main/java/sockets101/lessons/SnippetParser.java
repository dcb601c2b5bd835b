package sockets101.lessons;

import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a {@code .jsh} file into snippets the way the {@code jshell} tool does: line by line,
 * asking {@link SourceCodeAnalysis#analyzeCompletion} whether the lines so far make a whole
 * snippet. Fed the whole file at once, an expression without {@code ;} would swallow the lines
 * after it. Between snippets it reads the course's markers:
 * <ul>
 *   <li>{@code // tag::NAME[]} and {@code // end::NAME[]}: regions the lessons include;</li>
 *   <li>{@code // throws: ExceptionName}: the next snippet must throw that exception;</li>
 *   <li>slash commands such as {@code /exit}, which end a plain {@code jshell} run, are skipped;</li>
 *   <li>{@code //! jdk 21}, anywhere in the file: the whole file needs that JDK or later
 *       ({@link #requiredJdk}); the runner runs it on one and the site marks its snippets.</li>
 * </ul>
 */
public final class SnippetParser {
    private static final Pattern TAG = Pattern.compile("^\\s*//\\s*(tag|end)::([\\w.-]+)\\[]\\s*$");
    private static final Pattern THROWS = Pattern.compile("^\\s*//\\s*throws:\\s*([\\w.$]+)\\s*$");

    private static final Pattern JDK = Pattern.compile("(?m)^\\s*//!\\s*jdk\\s+(\\d+)\\s*$");

    private final SourceCodeAnalysis analysis;

    /**
     * The JDK feature version a snippet file needs, from its {@code //! jdk N} line; 0 if it has
     * none (the build's own JDK will do).
     */
    public static int requiredJdk(String text) {
        Matcher marker = JDK.matcher(text);
        return marker.find() ? Integer.parseInt(marker.group(1)) : 0;
    }

    public SnippetParser(SourceCodeAnalysis analysis) {
        this.analysis = analysis;
    }

    /** The snippets of a file's text; {@code name} is used in error messages. */
    public List<Snippet> parse(String name, String text) {
        List<Snippet> snippets = new ArrayList<>();
        Set<String> tags = new LinkedHashSet<>();
        String expected = null;
        StringBuilder buffer = new StringBuilder();
        int start = 0;
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int number = i + 1;
            if (buffer.isEmpty()) {
                Matcher tag = TAG.matcher(line);
                Matcher throwsMarker = THROWS.matcher(line);
                if (tag.matches()) {
                    if (tag.group(1).equals("tag")) {
                        tags.add(tag.group(2));
                    } else if (!tags.remove(tag.group(2))) {
                        throw new IllegalArgumentException(name + ":" + number + ": end::" + tag.group(2)
                                + "[] without a matching tag::" + tag.group(2) + "[]");
                    }
                    continue;
                }
                if (throwsMarker.matches()) {
                    expected = throwsMarker.group(1);
                    continue;
                }
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("//") || trimmed.startsWith("/") && !trimmed.startsWith("/*")) {
                    continue;
                }
                start = number;
            }
            buffer.append(line).append('\n');
            CompletionInfo info = analysis.analyzeCompletion(buffer.toString());
            while (info.completeness().isComplete() || info.completeness() == SourceCodeAnalysis.Completeness.UNKNOWN) {
                snippets.add(new Snippet(start, info.source() == null ? buffer.toString().strip() : info.source(),
                        List.copyOf(tags), expected));
                expected = null;
                String remaining = info.remaining() == null ? "" : info.remaining();
                buffer.setLength(0);
                if (remaining.isBlank()) {
                    break;
                }
                buffer.append(remaining);
                info = analysis.analyzeCompletion(remaining);
            }
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                buffer.setLength(0);
            }
        }
        if (!buffer.isEmpty() && !buffer.toString().isBlank()) {
            snippets.add(new Snippet(start, buffer.toString().strip(), List.copyOf(tags), expected));
        }
        if (!tags.isEmpty()) {
            throw new IllegalArgumentException(name + ": tag::" + tags.iterator().next() + "[] is never closed with end::");
        }
        return snippets;
    }
}
