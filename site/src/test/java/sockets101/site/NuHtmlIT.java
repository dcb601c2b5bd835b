package sockets101.site;

import nu.validator.client.EmbeddedValidator;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of the built site validates with the Nu HTML Checker (in-process, schemas from its
 * jar, nothing fetched) with no errors. Problems name the page and the lesson it comes from.
 */
class NuHtmlIT {
    static final Path SITE = Path.of(System.getProperty("site.dir", "target/site"));

    private static List<String> errors(EmbeddedValidator validator, Path page, String name) throws Exception {
        String report = validator.validate(page);
        List<String> errors = new ArrayList<>();
        for (String line : report.split("\\R")) {
            if (line.contains(": error:") || line.contains(": fatal:") || line.contains("non-document-error")) {
                errors.add(name + line.substring(line.indexOf('"', 1) + 1));
            }
        }
        return errors;
    }

    private static EmbeddedValidator validator() {
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.GNU);
        validator.setNoLangDetect(true);
        validator.setLoadEntities(false);
        return validator;
    }

    @Test
    void everyPageValidates() throws Exception {
        List<Path> pages;
        try (Stream<Path> walk = Files.walk(SITE)) {
            pages = walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        assertThat(pages).as("pages under " + SITE + " (run the package phase first)").hasSizeGreaterThan(3);
        EmbeddedValidator validator = validator();
        List<String> errors = new ArrayList<>();
        for (Path page : pages) {
            String rel = SITE.relativize(page).toString().replace('\\', '/');
            String from = rel.matches("(es|en)/\\d.*\\.html") ? " (from lessons/" + rel.replaceFirst("\\.html$", ".adoc") + ")" : "";
            errors.addAll(errors(validator, page, rel + from));
        }
        assertThat(errors).as("Nu HTML Checker errors").isEmpty();
    }

    /** A hand-made inline SVG diagram, as lesson 03 draws one, is valid HTML too. */
    @Test
    void aHandMadeInlineSvgValidates(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String svg = SiteBuilderTest.SVG.replace("++++\n", "");
        Path page = dir.resolve("svg.html");
        Files.writeString(page, """
                <!DOCTYPE html>
                <html lang="es"><head><meta charset="utf-8"><title>svg</title></head>
                <body><main>%s</main></body></html>
                """.formatted(svg), StandardCharsets.UTF_8);
        assertThat(errors(validator(), page, "svg.html")).isEmpty();
    }
}
