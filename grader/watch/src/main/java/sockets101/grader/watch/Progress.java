package sockets101.grader.watch;

import com.fasterxml.jackson.jr.ob.JSON;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the student is, kept between sessions in a small JSON file
 * ({@code exercises/.progress.json}): the exercises that passed last time they were graded,
 * and the one being worked on.
 */
final class Progress {
    /** The file's name, in the {@code exercises} folder. */
    static final String FILE = ".progress.json";

    private final Path file;
    private final Set<String> passed = new LinkedHashSet<>();
    private String current;

    private Progress(Path file) {
        this.file = file;
    }

    /** Reads the progress file; a missing or unreadable one is a fresh start. */
    static Progress load(Path file) {
        Progress progress = new Progress(file);
        if (Files.isRegularFile(file)) {
            try {
                Map<String, Object> json = JSON.std.mapFrom(Files.readString(file, StandardCharsets.UTF_8));
                if (json.get("current") instanceof String name) {
                    progress.current = name;
                }
                if (json.get("passed") instanceof List<?> names) {
                    names.stream().filter(String.class::isInstance).map(String.class::cast).forEach(progress.passed::add);
                }
            } catch (IOException | RuntimeException e) {
                // A file the student broke by hand: start again rather than refuse to start.
            }
        }
        return progress;
    }

    String current() {
        return current;
    }

    boolean passed(String exercise) {
        return passed.contains(exercise);
    }

    /** Records the exercise being worked on and, when it was graded, whether it passed; saves the file. */
    void update(String exercise, Boolean passedNow) throws IOException {
        current = exercise;
        if (Boolean.TRUE.equals(passedNow)) {
            passed.add(exercise);
        } else if (Boolean.FALSE.equals(passedNow)) {
            passed.remove(exercise);
        }
        save();
    }

    private void save() throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("current", current);
        json.put("passed", new ArrayList<>(passed));
        Path temp = file.resolveSibling(FILE + ".tmp");
        Files.writeString(temp, JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asString(json) + "\n", StandardCharsets.UTF_8);
        // Written whole or not at all: a session killed mid-write leaves the last good file.
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
