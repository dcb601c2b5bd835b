package sockets101.site;

import org.asciidoctor.Asciidoctor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The site builder on small fixture lessons in a temporary folder: a good course builds, and
 * each kind of mistake fails the build with a message naming the lesson's file.
 */
class SiteBuilderTest {
    /** One Asciidoctor for every test: creating it boots JRuby, which takes seconds. */
    private static Asciidoctor asciidoctor;

    @TempDir
    Path root;

    @BeforeAll
    static void boot() {
        asciidoctor = Asciidoctor.Factory.create();
    }

    @AfterAll
    static void shutdown() {
        asciidoctor.close();
    }

    static final String SVG = """
            ++++
            <figure class="svg-diagram">
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 60" role="img" aria-labelledby="d-title">
            <title id="d-title">Cliente y servidor</title>
            <defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" fill="currentColor"/></marker></defs>
            <rect x="5" y="5" width="60" height="30" fill="none" stroke="currentColor"/>
            <text x="35" y="25" text-anchor="middle" font-size="12" fill="currentColor">client</text>
            <line x1="65" y1="20" x2="135" y2="20" stroke="currentColor" marker-end="url(#arrow)"/>
            </svg>
            <figcaption>SVG</figcaption>
            </figure>
            ++++
            """;

    /** A small but complete course: two lessons per language, a snippet, an exercise page, an inline SVG. */
    private void fixture() throws IOException {
        for (String lang : List.of("es", "en")) {
            boolean es = lang.equals("es");
            write("lessons/" + lang + "/01-intro.adoc", """
                    = 01 · %s
                    :description: %s

                    %s <<uno>>.

                    [[uno]]
                    == %s

                    snippet::01-intro[tag=hello]

                    %s
                    include::{exercises}/%s/Ex.adoc[]

                    xref:02-next.adoc#dos[%s]
                    """.formatted(es ? "Introducción" : "Introduction", es ? "Primera lección." : "First lesson.",
                    es ? "Ver" : "See", es ? "Conexiones y servidores" : "Connections and servers", SVG, lang,
                    es ? "Siguiente" : "Next"));
            write("lessons/" + lang + "/02-next.adoc", """
                    = 02 · %s

                    [[dos]]
                    == %s

                    Text.
                    """.formatted(es ? "Siguiente" : "Next", es ? "Dos" : "Two"));
            write("exercises/docs/" + lang + "/Ex.adoc", """
                    === %s: `Ex`

                    %s

                    .%s
                    // tag::hint[]
                    Hint text.
                    // end::hint[]

                    `./mvnw -q -Pstudent test -Dexercise=Ex`
                    """.formatted(es ? "Ejercicio" : "Exercise", es ? "Escribe Ex." : "Write Ex.", es ? "Pista" : "Hint"));
        }
        write("lessons/snippets/01-intro.jsh", """
                // tag::hello[]
                System.out.println("hello, sockets");
                // end::hello[]
                /exit
                """);
        write("lessons/target/snippets/01-intro/hello.txt", "hello, sockets\n");
    }

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private List<String> build() throws IOException {
        return new SiteBuilder(root, root.resolve("out")).build(asciidoctor);
    }

    @Test
    void aGoodCourseBuildsWithEverythingThePagesNeed() throws IOException {
        fixture();
        assertThat(build()).as("problems").isEmpty();

        String es = Files.readString(root.resolve("out/es/01-intro.html"));
        assertThat(es).as("highlighted by Rouge at build time").contains("<pre class=\"rouge highlight\">", "<span class=\"s\">");
        assertThat(es).as("the captured output, marked as output").containsPattern(
                "(?s)class=\"literalblock output\">\\s*<div class=\"title\">Salida</div>.*hello, sockets");
        assertThat(es).as("the inline SVG passes through").contains("<svg", "marker-end=\"url(#arrow)\"");
        assertThat(es).as("the exercise is marked with its hint and command")
                .contains("class=\"sect2 exercise\"", "paragraph hint", "class=\"command\"");
        assertThat(es).as("the language switch lands on the same lesson").contains("href=\"../en/01-intro.html\"");
        assertThat(es).as("previous/next").contains("rel=\"next\" href=\"02-next.html\"");
        assertThat(Files.readString(root.resolve("out/en/01-intro.html"))).contains("Output", "href=\"../es/01-intro.html\"");
        String index = Files.readString(root.resolve("out/assets/search-index.js"));
        assertThat(index).startsWith("/*").contains("window.SOCKETS101_SEARCH = [",
                "\"id\":\"es/01-intro.html#uno\"", "\"id\":\"en/01-intro.html#uno\"", "Conexiones y servidores");
        assertThat(root.resolve("out/assets/lunr.min.js")).exists();
        assertThat(root.resolve("out/index.html")).exists();
    }

    @Test
    void aSnippetThatNeedsANewerJdkSaysWhichOnItsContainer() throws IOException {
        fixture();
        write("lessons/snippets/01-intro.jsh", """
                //! jdk 21
                // tag::hello[]
                System.out.println("hello, sockets");
                // end::hello[]
                """);
        assertThat(build()).as("problems").isEmpty();
        String es = Files.readString(root.resolve("out/es/01-intro.html"));
        assertThat(es).as("one container, with the id the live page looks for and the JDK")
                .containsOnlyOnce("id=\"snippet-01-intro-hello\"")
                .contains("<div id=\"snippet-01-intro-hello\" class=\"openblock snippet\" data-jdk=\"21\">")
                .containsPattern("(?s)data-jdk=\"21\">\\s*<div class=\"content\">.*<pre class=\"rouge highlight\">.*hello, sockets.*</div>\\s*</div>");
    }

    /** Each row: a line appended to lessons/es/01-intro.adoc, and what the problem must say. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing include            | include::{exercises}/es/Missing.adoc[]         | lessons/es/01-intro.adoc:LINE:| Missing.adoc
            missing include tag        | include::{exercises}/es/Ex.adoc[tag=nope]      | lessons/es/01-intro.adoc:LINE:| nope
            missing snippet tag        | snippet::01-intro[tag=nope]                     | lessons/es/01-intro.adoc:LINE:| tag 'nope' not found
            missing snippet file       | snippet::99-none[tag=hello]                     | lessons/es/01-intro.adoc:LINE:| 99-none.jsh
            unresolved cross reference | See <<nowhere>>.                               | lessons/es/01-intro.adoc:LINE:| #nowhere
            unresolved page xref       | xref:02-next.adoc#nada[there]                   | lessons/es/01-intro.adoc:LINE:| 02-next.html#nada
            broken internal link       | link:03-gone.html[gone]                         | lessons/es/01-intro.adoc:LINE:| 03-gone.html
            remote image               | image::https://example.com/a.png[]              | lessons/es/01-intro.adoc:LINE:| https://example.com/a.png
            remote inline image        | Logo image:https://example.com/a.png[] here.    | lessons/es/01-intro.adoc:   | https://example.com/a.png
            index term in inline code  | In Python `s.bind((host, port))` binds.          | lessons/es/01-intro.adoc:LINE: | `+s.bind((host, port))+`
            remote include             | include::https://example.com/x.adoc[]           | lessons/es/01-intro.adoc:LINE:| remote
            remote script              | pass:[<script src="https://cdn.example.com/x.js"></script>] | lessons/es/01-intro.adoc | https://cdn.example.com/x.js
            remote stylesheet in style | pass:[<span style="background:url(//cdn.example.com/a.png)">x</span>] | lessons/es/01-intro.adoc | //cdn.example.com/a.png
            """)
    void eachMistakeFailsTheBuildNamingTheFile(String name, String line, String where, String what) throws IOException {
        fixture();
        Path lesson = root.resolve("lessons/es/01-intro.adoc");
        Files.writeString(lesson, Files.readString(lesson) + "\n" + line + "\n", StandardCharsets.UTF_8);
        String at = where.replace("LINE", String.valueOf(Files.readAllLines(lesson).size()));

        List<String> problems = build();

        assertThat(problems).as(name).isNotEmpty().anySatisfy(p -> assertThat(p).contains(at).contains(what));
    }

    @Test
    void lessonsMustExistInBothLanguages() throws IOException {
        fixture();
        Files.delete(root.resolve("lessons/en/02-next.adoc"));
        assertThat(build()).anySatisfy(p -> assertThat(p).contains("same files", "02-next.adoc"));
    }
}
