package sockets101.site;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything a student reads exists in Spanish and English with the same structure: the same
 * lesson files and exercise pages, and in each the same section ids, snippets and includes in
 * the same order, so that the language switch lands on the same place and no part is missing.
 */
class BilingualTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** Section anchors, snippet macros, includes (the language folder made neutral) and hint tags. */
    private static final Pattern STRUCTURE = Pattern.compile(
            "^(\\[\\[[\\w-]+]]|snippet::\\S+|include::\\S+|// (?:tag|end)::\\w+\\[])\\s*$", Pattern.MULTILINE);

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".adoc")).sorted().toList();
        }
    }

    private static List<String> structure(Path file, String lang) throws IOException {
        List<String> found = new ArrayList<>();
        Matcher m = STRUCTURE.matcher(Files.readString(file));
        while (m.find()) {
            found.add(m.group(1).replace("/" + lang + "/", "/LANG/"));
        }
        return found;
    }

    private static void sameStructure(Path es, Path en) throws IOException {
        assertThat(names(es)).as("files in %s and %s", es, en).isNotEmpty().isEqualTo(names(en));
        for (String name : names(es)) {
            assertThat(structure(en.resolve(name), "en"))
                    .as("sections, snippets, includes and tags of %s, in order, as in %s", en.resolve(name), es.resolve(name))
                    .isEqualTo(structure(es.resolve(name), "es"));
        }
    }

    @Test
    void lessonsHaveTheSameStructureInBothLanguages() throws IOException {
        sameStructure(ROOT.resolve("lessons/es"), ROOT.resolve("lessons/en"));
    }

    @Test
    void exercisePagesHaveTheSameStructureInBothLanguages() throws IOException {
        sameStructure(ROOT.resolve("exercises/docs/es"), ROOT.resolve("exercises/docs/en"));
        try (Stream<Path> pages = Stream.concat(Files.list(ROOT.resolve("exercises/docs/es")), Files.list(ROOT.resolve("exercises/docs/en")))) {
            assertThat(pages.toList()).allSatisfy(page ->
                    assertThat(Files.readString(page)).as("%s has a hint for the grader to quote", page)
                            .contains("// tag::hint[]", "// end::hint[]"));
        }
    }
}
