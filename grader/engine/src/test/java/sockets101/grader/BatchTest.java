package sockets101.grader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batch's plumbing, with a stand-in for {@code java -jar autograder.jar} (a script that
 * lists two exercises, grades a folder from the score written in it, and fails on a folder named
 * crash*): a submission that cannot be graded gets a row saying why, and the rest are graded.
 * The real jar on real submissions: BatchIT in the autograder module.
 */
@DisabledOnOs(OS.WINDOWS)
class BatchTest {
    private static final String FAKE_JAVA = """
            #!/usr/bin/env bash
            for a in "$@"; do [ "$a" = --list ] && { printf 'Bind\\t11\\t6\\nSend\\t8\\t5\\n'; exit 0; }; done
            while [ $# -gt 0 ]; do
              case "$1" in --submission) sub="$2"; shift 2 ;; --results) res="$2"; shift 2 ;; *) shift ;; esac
            done
            case "$(basename "$sub")" in
              crash*) echo "scoreboard so far"; echo "autograder: cannot grade: boom" >&2; exit 2 ;;
            esac
            s="$(cat "$sub/score")"
            printf '{"score": %s, "max_score": 19, "tests": [{"name": "Bind › a", "score": %s, "max_score": 11},
              {"name": "Send › b", "score": 0, "max_score": 8}]}' "$s" "$s" >"$res"
            """;

    private record Outcome(int exitCode, String out, String err) {
    }

    private static Outcome batch(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(new Batch()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    private static Path fakeJava(Path dir) throws IOException {
        Path java = dir.resolve("java");
        Files.writeString(java, FAKE_JAVA, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return java;
    }

    @Test
    void aSubmissionThatCannotBeGradedGetsARowSayingWhyAndTheOthersAreGraded(@TempDir Path dir) throws IOException {
        Path subs = Files.createDirectories(dir.resolve("subs"));
        Files.writeString(Files.createDirectories(subs.resolve("ana")).resolve("score"), "11");
        Files.createDirectories(subs.resolve("crash-bea"));
        Files.writeString(Files.createDirectories(subs.resolve("carl")).resolve("score"), "3");
        Files.createDirectories(subs.resolve(".git")); // not a student
        Path jar = Files.writeString(dir.resolve("autograder.jar"), "stand-in");
        Path out = dir.resolve("grades");

        Outcome run = batch(subs.toString(), "--out", out.toString(), "--jar", jar.toString(), "--java", fakeJava(dir).toString(),
                "--jobs", "2");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains("NOT GRADED: autograder exit status 2: autograder: cannot grade: boom",
                "Graded 2 of 3 submissions");
        assertThat(Files.readString(out.resolve("gradebook.csv"))).isEqualTo("student,Bind,Send,total,max,error\r\n"
                + "ana,11,0,11,19,\r\n"
                + "carl,3,0,3,19,\r\n"
                + "crash-bea,,,,,autograder exit status 2: autograder: cannot grade: boom\r\n");
        assertThat(out.resolve("crash-bea/autograder.log")).content().contains("scoreboard so far");
        assertThat(out.resolve("ana/results.json")).isRegularFile();
    }

    @Test
    void badOptionsStopBeforeGradingAnything(@TempDir Path dir) throws IOException {
        Path subs = Files.createDirectories(dir.resolve("subs"));
        Files.writeString(Files.createDirectories(subs.resolve("ana")).resolve("score"), "11");
        Path jar = Files.writeString(dir.resolve("autograder.jar"), "stand-in");
        String java = fakeJava(dir).toString();

        Outcome unknown = batch(subs.toString(), "--out", dir.resolve("g").toString(), "--jar", jar.toString(), "--java", java,
                "--exercise", "Bnid");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown exercise 'Bnid'; known: [Bind, Send]");

        Outcome inside = batch(subs.toString(), "--out", subs.resolve("grades").toString(), "--jar", jar.toString(), "--java", java);
        assertThat(inside.exitCode()).isEqualTo(2);
        assertThat(inside.err()).contains("--out must not be inside");

        Outcome lang = batch(subs.toString(), "--jar", jar.toString(), "--java", java, "--lang", "fr");
        assertThat(lang.exitCode()).isEqualTo(2);
        assertThat(Files.exists(dir.resolve("g"))).as("nothing graded").isFalse();
    }
}
