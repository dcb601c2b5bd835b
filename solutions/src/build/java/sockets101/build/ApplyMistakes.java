package sockets101.build;

import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import com.github.difflib.patch.PatchFailedException;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds each known mistake from its diff: {@code mistakes/NAME/SLUG.diff} (first line: what the
 * mistake is; then a unified diff of one file against the reference solution) becomes
 * {@code target/mistakes/NAME/SLUG/src/main/java/...}, the reference solutions with that one file
 * patched, a submission folder the autograder grades. The build fails, naming the diff, when a
 * diff no longer applies, patches a file other than {@code NAME.java}, changes nothing, or leaves
 * code that does not compile (a mistake that does not compile would lose its points for the
 * wrong reason).
 *
 * <p>Run by the solutions module's build with the JDK's source launcher:
 * {@code java -cp java-diff-utils.jar ApplyMistakes.java SOLUTIONS_DIR}.
 */
public final class ApplyMistakes {
    private ApplyMistakes() {
    }

    /** One known mistake: its diff, its exercise and its one-line description. */
    record Mistake(Path diff, String exercise, String slug, String description, String file, Patch<String> patch) {
        String label() {
            return exercise + "/" + slug;
        }
    }

    public static void main(String[] args) throws IOException {
        Path solutions = Path.of(args.length > 0 ? args[0] : ".");
        Path sources = solutions.resolve("src/main/java");
        Path classes = solutions.resolve("target/classes");
        Path out = solutions.resolve("target/mistakes");
        deleteTree(out);
        List<String> failures = new ArrayList<>();
        int built = 0;
        for (Path diff : diffs(solutions.resolve("mistakes"))) {
            try {
                Mistake mistake = read(diff);
                Path folder = out.resolve(mistake.exercise()).resolve(mistake.slug());
                copyTree(sources, folder.resolve("src/main/java"));
                Path target = folder.resolve(mistake.file());
                List<String> reference = Files.readAllLines(target, StandardCharsets.UTF_8);
                // Like patch(1) with no fuzz: a hunk may have moved, its context must match exactly.
                List<String> patched = mistake.patch().applyFuzzy(new ArrayList<>(reference), 0);
                if (patched.equals(reference)) {
                    throw new IllegalArgumentException("the diff changes nothing");
                }
                Files.write(target, patched, StandardCharsets.UTF_8);
                Files.writeString(folder.resolve("MISTAKE.txt"), mistake.description() + "\n", StandardCharsets.UTF_8);
                compile(target, classes, out.resolve(".classes").resolve(mistake.label()));
                built++;
            } catch (PatchFailedException e) {
                failures.add(diff + ": no longer applies to the reference solution (" + e.getMessage()
                        + "); update the diff to the solution's current code");
            } catch (IllegalArgumentException | IOException e) {
                failures.add(diff + ": " + e.getMessage());
            }
        }
        deleteTree(out.resolve(".classes"));
        if (!failures.isEmpty()) {
            failures.forEach(f -> System.err.println("[mistakes] " + f));
            System.exit(1);
        }
        System.out.println("[mistakes] " + built + " known mistakes built under " + out);
    }

    private static List<Path> diffs(Path mistakes) throws IOException {
        try (Stream<Path> all = Files.walk(mistakes)) {
            List<Path> files = all.filter(Files::isRegularFile).sorted().toList();
            for (Path file : files) {
                if (!file.toString().endsWith(".diff") || mistakes.relativize(file).getNameCount() != 2) {
                    throw new IOException(file + ": only mistakes/NAME/SLUG.diff files belong under " + mistakes);
                }
            }
            return files;
        }
    }

    /** Parses one diff file: a description line, then a unified diff of {@code NAME.java}. */
    static Mistake read(Path diff) throws IOException {
        String exercise = diff.getParent().getFileName().toString();
        String slug = diff.getFileName().toString().replaceFirst("\\.diff$", "");
        List<String> lines = Files.readAllLines(diff, StandardCharsets.UTF_8);
        if (lines.isEmpty() || lines.get(0).isBlank() || lines.get(0).startsWith("--- ")) {
            throw new IllegalArgumentException("the first line must say what the mistake is");
        }
        String description = lines.get(0).replaceFirst("^#\\s*", "");
        // The lines before "--- " are the mistake's explanation, which patch tools skip too.
        int start = 0;
        while (start < lines.size() && !lines.get(start).startsWith("--- ")) {
            start++;
        }
        List<String> targets = lines.stream().filter(l -> l.startsWith("+++ ")).toList();
        if (targets.size() != 1) {
            throw new IllegalArgumentException("a mistake patches exactly one file, found " + targets.size());
        }
        String file = targets.get(0).substring(4).split("\t")[0].trim().replaceFirst("^b/", "");
        if (!file.startsWith("src/main/java/") || !file.endsWith("/" + exercise + ".java") || file.contains("..")) {
            throw new IllegalArgumentException("patches " + file + ", not src/main/java/.../" + exercise + ".java");
        }
        Patch<String> patch = UnifiedDiffUtils.parseUnifiedDiff(lines.subList(start, lines.size()));
        if (patch.getDeltas().isEmpty()) {
            throw new IllegalArgumentException("no hunk found");
        }
        return new Mistake(diff, exercise, slug, description, file, patch);
    }

    /** Compiles the patched file against the reference solutions' classes. */
    private static void compile(Path source, Path classes, Path scratch) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Files.createDirectories(scratch);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac.run(null, errors, errors, "--release", "17", "-proc:none", "-nowarn", "-encoding", "UTF-8",
                "-cp", classes.toString(), "-d", scratch.toString(), source.toString());
        if (status != 0) {
            throw new IllegalArgumentException("the patched " + source.getFileName() + " does not compile:\n"
                    + errors.toString(StandardCharsets.UTF_8));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
