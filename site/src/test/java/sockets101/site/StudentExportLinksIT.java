package sockets101.site;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh student export carries the site this build made ({@code scripts/export-student
 * --site}), and every lesson link its scoreboard prints opens: a {@code file:} URL to a page of
 * the export's own {@code site/} that has the section's id. The one-shot command's output has
 * nothing a student must read past (no Maven error report, no stack trace).
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
@DisabledOnOs(OS.WINDOWS)
class StudentExportLinksIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern LINK = Pattern.compile("(?m)^ *(?:Lesson|Lección): (\\S+)");

    record Result(int exitCode, String output) {
    }

    private static Result run(Path dir, List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(Map.of("PATH", System.getenv("PATH"), "HOME", System.getProperty("user.home"),
                "JAVA_HOME", System.getProperty("java.home"), "LANG", "C.UTF-8"));
        Path out = Files.createTempFile("export-links-", ".txt");
        Process process = builder.redirectOutput(out.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        Files.delete(out);
        return new Result(process.exitValue(), text);
    }

    @Test
    void everyLessonLinkTheScoreboardPrintsOpensInTheExport(@TempDir Path work) throws Exception {
        Path site = NuHtmlIT.SITE.toAbsolutePath().normalize();
        assertThat(site.resolve("index.html")).as("the built site (run the package phase first)").isRegularFile();
        Path dest = work.resolve("student");
        List<String> export = new ArrayList<>(List.of("bash", ROOT.resolve("scripts/export-student").toString(),
                dest.toString(), "--lang", "en", "--site", site.toString()));
        Path jar = ROOT.resolve("grader/autograder/target/autograder.jar");
        if (Files.isRegularFile(jar)) {
            export.addAll(List.of("--jar", jar.toString()));
        }
        Result exported = run(ROOT, export);
        assertThat(exported.exitCode()).as(exported.output()).isZero();
        assertThat(dest.resolve("site/en/04-server.html")).isRegularFile();

        List<String> links = new ArrayList<>();
        for (List<String> args : List.of(List.of("-Dlang=en"), List.of("-Dexercise=Connect", "-Dlang=es"),
                List.of("-Dexercise=HttpGet", "-Dlang=en"), List.of("-Dexercise=Recv", "-Dlang=es"))) {
            List<String> command = new ArrayList<>(List.of("./mvnw", "-o", "-q", "-B", "test"));
            command.addAll(args);
            Result test = run(dest, command);
            assertThat(test.exitCode()).as("red on the stubs: " + test.output()).isEqualTo(1);
            assertThat(test.output().lines()).as(test.output())
                    .noneMatch(line -> line.startsWith("[ERROR]") || line.startsWith("\tat "))
                    .noneMatch(line -> line.contains("[Help 1]") || line.contains("-rf :"));
            Matcher m = LINK.matcher(test.output());
            int before = links.size();
            while (m.find()) {
                links.add(m.group(1));
            }
            assertThat(links.size()).as("a lesson link in " + test.output()).isGreaterThan(before);
        }
        for (String link : links) {
            URI uri = URI.create(link);
            assertThat(uri.getScheme()).as(link).isEqualTo("file");
            Path page = Path.of(URI.create(link.substring(0, link.indexOf('#'))));
            assertThat(page).as(link).isRegularFile().startsWith(dest.resolve("site"));
            String id = uri.getFragment();
            assertThat(Jsoup.parse(page.toFile(), "UTF-8").getElementById(id)).as(link + ": the section's id on its page").isNotNull();
        }
        assertThat(links).anyMatch(l -> l.contains("/site/es/05-client.html#connect"))
                .anyMatch(l -> l.contains("/site/en/07-protocols.html#http"));
    }
}
