package sockets101.site.live;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Finding a JDK new enough for the snippets that need one ({@code data-jdk}). */
class JdksTest {
    @TempDir
    Path dir;

    @Test
    void theSiteSaysWhichJdkItsSnippetsNeed() throws Exception {
        Files.createDirectories(dir.resolve("en"));
        Files.writeString(dir.resolve("en/a.html"), "<div class=\"snippet\" id=\"snippet-a-b\" data-jdk=\"21\"></div>");
        Files.writeString(dir.resolve("en/b.html"), "<div class=\"snippet\" id=\"snippet-c-d\"></div>");
        assertThat(Jdks.needed(dir)).isEqualTo(21);
        assertThat(Jdks.needed(dir.resolve("en/b.html").getParent().resolve("nothing"))).isZero();
    }

    @Test
    void aJdkGivenOrInstalledIsFoundByItsReleaseFile() throws Exception {
        Path fake = Files.createDirectories(dir.resolve("jdk-99/bin"));
        Files.writeString(fake.resolve("java"), "#!/bin/sh\n");
        assumeTrue(fake.resolve("java").toFile().setExecutable(true), "an executable file can be made here");
        Files.writeString(dir.resolve("jdk-99/release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"99.0.1\"\n");
        assertThat(Jdks.find(21, dir.resolve("jdk-99"))).hasValueSatisfying(j -> assertThat(j.feature()).isEqualTo(99));
        assertThat(Jdks.find(100, dir.resolve("jdk-99"))).isEmpty();
        assertThat(Jdks.find(Runtime.version().feature(), null)).as("the JDK running this test, at least")
                .isPresent();
        assertThat(Jdks.tooOld(1000)).contains("needs JDK 1000 or newer").contains("no JDK 1000 or newer was found");
    }
}
