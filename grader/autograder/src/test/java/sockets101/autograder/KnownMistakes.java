package sockets101.autograder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A handful of the course's known mistakes, whichever way the solutions module keeps them: as
 * folders {@code solutions/mistakes/NAME/SLUG/} or as diffs applied into
 * {@code solutions/target/mistakes/NAME/SLUG/} (the built tree is preferred when both exist).
 */
final class KnownMistakes {
    private static final Path SOLUTIONS = AutograderRun.ROOT.resolve("solutions");
    private static final List<Path> LAYOUTS = List.of(SOLUTIONS.resolve("target/mistakes"), SOLUTIONS.resolve("mistakes"));
    static final Path SOLUTION_SOURCES = SOLUTIONS.resolve("src/main/java");

    private KnownMistakes() {
    }

    /** The first known mistake (by slug) of an exercise: the folder holding its {@code src/main/java}. */
    static Path first(String exercise) throws IOException {
        for (Path layout : LAYOUTS) {
            Path dir = layout.resolve(exercise);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> slugs = Files.list(dir)) {
                Optional<Path> first = slugs.filter(Files::isDirectory).sorted().findFirst();
                if (first.isPresent()) {
                    return first.get();
                }
            }
        }
        throw new AssertionError("no known mistake of " + exercise + " under " + LAYOUTS);
    }

    /** The first known mistake of each exercise, in the order given. */
    static Map<String, Path> firstOfEach(Iterable<String> exercises) throws IOException {
        Map<String, Path> picked = new LinkedHashMap<>();
        for (String exercise : exercises) {
            picked.put(exercise, first(exercise));
        }
        return picked;
    }

    /**
     * Copies into {@code sources} (a {@code src/main/java} folder holding the solutions) the files
     * of a mistake that differ from the solutions': the mistake alone, whether its folder holds
     * only the mistaken class or a whole tree.
     */
    static void overlay(Path mistake, Path sources) throws IOException {
        Path root = sourceRoot(mistake);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".java")).toList();
        }
        int copied = 0;
        for (Path file : files) {
            String relative = root.relativize(file).toString();
            Path solution = SOLUTION_SOURCES.resolve(relative);
            if (Files.isRegularFile(solution) && Arrays.equals(Files.readAllBytes(solution), Files.readAllBytes(file))) {
                continue;
            }
            Path target = sources.resolve(relative);
            Files.createDirectories(target.getParent());
            Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            copied++;
        }
        if (copied == 0) {
            throw new AssertionError("the known mistake " + mistake + " differs from the solutions in no file");
        }
    }

    private static Path sourceRoot(Path mistake) throws IOException {
        if (Files.isDirectory(mistake.resolve("src/main/java"))) {
            return mistake.resolve("src/main/java");
        }
        try (Stream<Path> walk = Files.walk(mistake)) {
            return walk.filter(Files::isDirectory).filter(p -> p.endsWith("src/main/java")).findFirst().orElse(mistake);
        }
    }

    /** Copies a folder tree. */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
