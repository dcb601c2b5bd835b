package sockets101.grader;

import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * Build step: discovers the graded tests on the class path and writes the manifest the
 * autograder grades against, so that the maximum score is fixed when the jar is built.
 * Usage: {@code ManifestWriter OUTPUT_FILE}.
 */
public final class ManifestWriter {
    private ManifestWriter() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ManifestWriter OUTPUT_FILE");
        }
        TestPlan plan = LauncherFactory.create().discover(request()
                .selectors(selectPackage("sockets101")).build());
        Catalog catalog = Catalog.of(plan);
        if (catalog.exercises().isEmpty()) {
            throw new IllegalStateException("no @Exercise test classes found on the class path");
        }
        for (ExerciseSpec exercise : catalog.exercises()) {
            for (Lang lang : Lang.values()) {
                Hints.find(exercise.name(), lang); // fails the build, naming the page, when a hint is missing
            }
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, catalog.toManifest(), StandardCharsets.UTF_8);
    }
}
