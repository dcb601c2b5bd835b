package sockets101.lessons;

import java.util.List;

/**
 * One snippet of a {@code .jsh} file: the source JShell evaluates as a unit, where it starts,
 * the tag regions it sits in and, if it is meant to throw, the exception it must throw.
 *
 * @param line     1-based line of the file where the snippet starts
 * @param source   the complete source, as {@code SourceCodeAnalysis} cut it
 * @param tags     the {@code // tag::NAME[]} regions around it
 * @param expected simple or qualified name of the exception it must throw, or {@code null}
 */
public record Snippet(int line, String source, List<String> tags, String expected) {
    public Snippet {
        tags = List.copyOf(tags);
    }
}
