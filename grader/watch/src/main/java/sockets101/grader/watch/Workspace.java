package sockets101.grader.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The compiled state of an {@code exercises} folder, brought up to date before each grading.
 * Only what changed is compiled: a saved student file alone, into a fresh folder that shadows
 * its older ones; an exercise's tests once (again only when a test source changes or the
 * student's class did not compile before). A file that does not compile costs only the
 * exercises that need it, with the compiler's messages as the reason.
 */
final class Workspace implements AutoCloseable {
    /** What the class loader of one grading gets: folders newest first, and what did not compile. */
    record Build(List<Path> folders, Map<String, String> broken) {
    }

    private final Path main;
    private final Path tests;
    private final List<Path> dependencies;
    private final Path work;
    private final ExerciseIndex index;
    private final Javac javac = new Javac();
    private int next;

    /** Content stamps of the main sources as last compiled. */
    private final Map<Path, Long> compiledStamps = new HashMap<>();
    /** The newest folder holding each main source's classes. */
    private final Map<Path, Path> studentFolders = new HashMap<>();
    /** Compiler messages of main sources that do not compile. */
    private final Map<Path, List<String>> studentErrors = new HashMap<>();
    /** Each exercise's compiled tests, and the test sources' stamp they were compiled from. */
    private final Map<String, Path> testFolders = new HashMap<>();
    private final Map<String, String> testErrors = new HashMap<>();
    private long testStamp;

    Workspace(Path exercisesDir, ExerciseIndex index, List<Path> dependencies, Path work) {
        this.main = exercisesDir.resolve("src/main/java");
        this.tests = exercisesDir.resolve("src/test/java");
        this.index = index;
        this.dependencies = List.copyOf(dependencies);
        this.work = work;
        deleteTree(work);
    }

    /** The main sources whose content differs from what was last compiled. */
    Set<Path> changedSources() {
        Set<Path> changed = new HashSet<>();
        Map<Path, Long> now = stamps(main);
        for (var e : now.entrySet()) {
            if (!e.getValue().equals(compiledStamps.get(e.getKey()))) {
                changed.add(e.getKey());
            }
        }
        for (Path gone : compiledStamps.keySet()) {
            if (!now.containsKey(gone)) {
                changed.add(gone);
            }
        }
        return changed;
    }

    /** True when a test source changed since the tests were compiled. */
    boolean testsChanged() {
        return testStamp != 0 && stampOf(stamps(tests)) != testStamp;
    }

    /** Compiles what changed and what these exercises need; returns what their grading loads. */
    Build prepare(List<ExerciseIndex.Entry> entries) {
        long testsNow = stampOf(stamps(tests));
        if (testsNow != testStamp) {
            testFolders.clear();
            testErrors.clear();
            testStamp = testsNow;
        }
        compileStudentSources();
        compileTests(entries);
        Map<String, String> broken = new LinkedHashMap<>();
        for (ExerciseIndex.Entry entry : entries) {
            List<String> errors = studentErrors.get(entry.studentSource());
            if (errors == null && !Files.isRegularFile(entry.studentSource())) {
                errors = List.of(entry.studentSource().getFileName() + ": missing file");
            }
            if (errors != null) {
                broken.put(entry.name(), String.join("\n", errors));
            } else if (testErrors.containsKey(entry.name())) {
                broken.put(entry.name(), testErrors.get(entry.name()));
            }
        }
        List<Path> folders = new ArrayList<>(new HashSet<>(studentFolders.values()));
        folders.sort(Comparator.comparing((Path p) -> p.getFileName().toString(), Comparator.comparingInt(
                (String n) -> Integer.parseInt(n.substring(n.indexOf('-') + 1)))).reversed());
        entries.stream().map(e -> testFolders.get(e.name())).filter(f -> f != null && !folders.contains(f)).forEach(folders::add);
        removeUnused(folders);
        return new Build(folders, broken);
    }

    private void compileStudentSources() {
        Set<Path> changed = changedSources();
        if (changed.isEmpty()) {
            return;
        }
        Set<Path> exerciseSources = new HashSet<>();
        index.entries().forEach(e -> exerciseSources.add(e.studentSource()));
        if (changed.stream().anyMatch(f -> !exerciseSources.contains(f))) {
            // A helper class changed, appeared or went: every class that may use it is compiled again.
            changed = stamps(main).keySet();
            studentFolders.clear();
            studentErrors.clear();
        }
        Map<Path, Long> now = stamps(main);
        List<Path> sources = changed.stream().filter(now::containsKey).sorted().toList();
        changed.forEach(f -> {
            studentErrors.remove(f);
            compiledStamps.remove(f);
            if (!now.containsKey(f)) {
                studentFolders.remove(f);
            }
        });
        // Compile the changed files together; drop those with errors and compile the rest again.
        List<Path> pending = new ArrayList<>(sources);
        while (!pending.isEmpty()) {
            Path out = newFolder("classes");
            List<Path> classpath = new ArrayList<>(new HashSet<>(studentFolders.values()));
            classpath.addAll(dependencies);
            Javac.Result result = javac.compile(pending, classpath, List.of(main), out, true);
            if (result.ok()) {
                pending.forEach(f -> studentFolders.put(f, out));
                break;
            }
            List<Path> failed = pending.stream().filter(result.errors()::containsKey).toList();
            if (failed.isEmpty()) {
                // Errors only in a file that is not being compiled (a helper): every file needs it.
                failed = List.copyOf(pending);
                String all = String.join("\n", result.errors().values().stream().flatMap(List::stream).toList());
                failed.forEach(f -> studentErrors.put(f, List.of(all)));
            } else {
                failed.forEach(f -> studentErrors.put(f, result.errors().get(f)));
            }
            failed.forEach(studentFolders::remove);
            pending.removeAll(failed);
            testErrors.clear(); // a class that did not compile leaves its tests to compile again once it does
        }
        sources.forEach(f -> compiledStamps.put(f, now.get(f)));
        // A class whose tests failed to compile (a changed signature) may fit them now.
        for (ExerciseIndex.Entry entry : index.entries()) {
            if (changed.contains(entry.studentSource())) {
                testErrors.remove(entry.name());
            }
        }
    }

    private void compileTests(List<ExerciseIndex.Entry> entries) {
        List<ExerciseIndex.Entry> needed = entries.stream()
                .filter(e -> !testFolders.containsKey(e.name()) && !testErrors.containsKey(e.name()))
                .filter(e -> studentFolders.containsKey(e.studentSource()))
                .toList();
        if (needed.isEmpty()) {
            return;
        }
        List<Path> classpath = new ArrayList<>(new HashSet<>(studentFolders.values()));
        classpath.addAll(dependencies);
        Path out = newFolder("tests");
        Javac.Result all = javac.compile(needed.stream().map(ExerciseIndex.Entry::testSource).toList(),
                classpath, List.of(tests), out, true);
        if (all.ok()) {
            needed.forEach(e -> testFolders.put(e.name(), out));
            return;
        }
        // One at a time, so that one exercise's tests that do not compile cost only that exercise.
        for (ExerciseIndex.Entry entry : needed) {
            Path one = newFolder("tests");
            Javac.Result result = javac.compile(List.of(entry.testSource()), classpath, List.of(tests), one, true);
            if (result.ok()) {
                testFolders.put(entry.name(), one);
            } else {
                testErrors.put(entry.name(), String.join("\n", result.errors().values().stream().flatMap(List::stream).toList()));
            }
        }
    }

    private Path newFolder(String kind) {
        return work.resolve(kind + "-" + (++next));
    }

    /** Deletes the folders no grading can load any more. */
    private void removeUnused(List<Path> inUse) {
        Set<Path> keep = new HashSet<>(inUse);
        keep.addAll(testFolders.values());
        keep.addAll(studentFolders.values());
        try (Stream<Path> list = Files.exists(work) ? Files.list(work) : Stream.empty()) {
            list.filter(p -> !keep.contains(p)).toList().forEach(Workspace::deleteTree);
        } catch (IOException e) {
            // Old folders only cost disk space.
        }
    }

    /** A stamp of each {@code .java} file under {@code root}: its size and a CRC of its content. */
    static Map<Path, Long> stamps(Path root) {
        Map<Path, Long> stamps = new HashMap<>();
        if (!Files.isDirectory(root)) {
            return stamps;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f)).toList()) {
                try {
                    byte[] bytes = Files.readAllBytes(file);
                    CRC32 crc = new CRC32();
                    crc.update(bytes);
                    stamps.put(file, (crc.getValue() << 20) ^ bytes.length);
                } catch (IOException e) {
                    // Deleted between the walk and the read (an editor's save): seen at the next poll.
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // A folder being replaced by an editor: the next poll sees it whole.
        }
        return stamps;
    }

    private static long stampOf(Map<Path, Long> stamps) {
        long stamp = 1;
        for (var e : new java.util.TreeMap<>(stamps).entrySet()) {
            stamp = 31 * stamp + e.getKey().hashCode() * 17L + e.getValue();
        }
        return stamp;
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // A folder still open elsewhere (Windows) goes at the next start.
        }
    }

    @Override
    public void close() throws IOException {
        javac.close();
    }
}
