package sockets101.grader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SubmissionCompilerTest {
    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Test
    void readsOnlyMainSourcesAndListsTheRest(@TempDir Path dir) throws Exception {
        Path sub = dir.resolve("sub");
        write(sub.resolve("src/main/java/p/A.java"), "package p; public class A {}");
        write(sub.resolve("src/test/java/p/ATest.java"), "package p; class ATest {}");
        write(sub.resolve("pom.xml"), "<project/>");
        SubmissionCompiler.Sources sources = SubmissionCompiler.read(sub, dir.resolve("copy"), Lang.EN);
        assertThat(sources.sourceRoot()).isEqualTo("src/main/java");
        assertThat(sources.files()).containsExactly(Path.of("p/A.java"));
        assertThat(sources.notes()).singleElement().asString().contains("2 entries", "pom.xml", "src/test/java/p/ATest.java");
    }

    @Test
    void aWholeRepositoryOrLooseFilesWorkToo(@TempDir Path dir) throws Exception {
        write(dir.resolve("repo/exercises/src/main/java/p/A.java"), "package p; public class A {}");
        assertThat(SubmissionCompiler.read(dir.resolve("repo"), dir.resolve("c1"), Lang.EN).sourceRoot())
                .isEqualTo("exercises/src/main/java");
        write(dir.resolve("loose/A.java"), "package p; public class A {}");
        write(dir.resolve("loose/src/test/java/T.java"), "class T {}");
        SubmissionCompiler.Sources loose = SubmissionCompiler.read(dir.resolve("loose"), dir.resolve("c2"), Lang.EN);
        assertThat(loose.files()).containsExactly(Path.of("A.java"));
    }

    @Test
    void aBrokenFileCostsOnlyItselfAndAForeignEncodingIsRead(@TempDir Path dir) throws Exception {
        Path sub = dir.resolve("sub");
        write(sub.resolve("src/main/java/p/Good.java"), "\uFEFFpackage p; public class Good { String s = \"ñ\"; }");
        write(sub.resolve("src/main/java/p/Bad.java"), "package p; public class Bad { int x = \"no\"; }");
        write(sub.resolve("src/main/java/p/NeedsBad.java"), "package p; public class NeedsBad { Bad bad; }");
        Path latin = sub.resolve("src/main/java/p/Latin.java");
        Files.write(latin, "package p; /** Año */ public class Latin {}".getBytes(Charset.forName("windows-1252")));
        SubmissionCompiler.Sources sources = SubmissionCompiler.read(sub, dir.resolve("copy"), Lang.EN);
        // In a child JVM, as the autograder compiles.
        SubmissionCompiler.Compilation compilation = CompileMain.compile(sources, dir.resolve("classes"), Lang.EN);
        assertThat(compilation.hasClass("p.Good")).isTrue();
        assertThat(compilation.hasClass("p.Latin")).isTrue();
        assertThat(compilation.hasClass("p.Bad")).isFalse();
        assertThat(compilation.broken()).containsOnlyKeys("p/Bad.java", "p/NeedsBad.java");
        assertThat(compilation.broken().get("p/Bad.java")).startsWith("src/main/java/p/Bad.java:1: incompatible types");
        assertThat(sources.notes()).anySatisfy(n -> assertThat(n).contains("p/Latin.java is not UTF-8"));
    }

    @Test
    void aClassNamedLikeATrustedOneIsDeleted(@TempDir Path dir) throws Exception {
        Path sub = dir.resolve("sub");
        write(sub.resolve("src/main/java/sockets101/grader/Lang.java"), "package sockets101.grader; public class Lang {}");
        write(sub.resolve("src/main/java/p/Mine.java"), "package p; public class Mine {}");
        SubmissionCompiler.Compilation compilation = SubmissionCompiler.compile(
                SubmissionCompiler.read(sub, dir.resolve("copy"), Lang.EN), dir.resolve("classes"), Lang.EN);
        assertThat(compilation.hasClass("sockets101.grader.Lang")).isFalse();
        assertThat(compilation.hasClass("p.Mine")).isTrue();
        assertThat(compilation.notes()).singleElement().asString().contains("sockets101.grader.Lang");
    }

    @Test
    void theExercisesOwnFilesAreNeverDroppedByTheFileCap(@TempDir Path dir) throws Exception {
        Path sub = dir.resolve("sub");
        for (int i = 0; i < 510; i++) {
            write(sub.resolve("src/main/java/a/A" + i + ".java"), "package a; class A" + i + " {}");
        }
        write(sub.resolve("src/main/java/z/Bind.java"), "package z; public class Bind {}");
        SubmissionCompiler.Sources sources = SubmissionCompiler.read(sub, dir.resolve("copy"), Lang.EN,
                java.util.Set.of("z/Bind.java"));
        assertThat(sources.files()).hasSize(500).contains(Path.of("z/Bind.java"));
        assertThat(sources.notes()).anySatisfy(n -> assertThat(n).contains("over 500 files"));
    }
}
