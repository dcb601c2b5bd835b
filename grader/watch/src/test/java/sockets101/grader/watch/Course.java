package sockets101.grader.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** The course's own files, for the student loop's tests: the exercises and the solutions. */
final class Course {
    /** The repository's root (tests run in grader/watch). */
    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    private Course() {
    }

    /** A copy of the exercises (sources and pages) in {@code dir}/exercises, as a student has them. */
    static Path copyExercises(Path dir) throws IOException {
        Path exercises = dir.resolve("exercises");
        copy(ROOT.resolve("exercises/src"), exercises.resolve("src"));
        copy(ROOT.resolve("exercises/docs"), exercises.resolve("docs"));
        return exercises;
    }

    static Path solution(String pkg, String name) {
        return ROOT.resolve("solutions/src/main/java/sockets101/" + pkg + "/" + name + ".java");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
