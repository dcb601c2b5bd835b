package sockets101.grader.watch;

import sockets101.grader.Lang;
import sockets101.grader.LessonLinks;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one-shot grading and watch mode share: the exercises of a folder, their compiled state
 * and a launcher, all in this process. The student's classes and the tests are compiled here
 * and loaded fresh for every grading; the libraries come from this process's class path.
 */
public final class StudentLoop implements AutoCloseable {
    /** How to grade: the {@code exercises} folder, the language, the lesson links and the libraries. */
    public record Setup(Path exercises, Lang lang, LessonLinks links, List<Path> dependencies, ClassLoader parent,
                        boolean trace) {
        /** The setup for a folder with this process's libraries. */
        public static Setup of(Path exercises, Lang lang, String siteUrl, boolean trace) {
            Path dir = exercises.toAbsolutePath().normalize();
            Path root = dir.getParent() != null ? dir.getParent() : dir;
            ClassLoader parent = StudentLoop.class.getClassLoader();
            return new Setup(dir, lang, LessonLinks.of(root, siteUrl), libraries(parent, dir), parent, trace);
        }
    }

    private final Setup setup;
    private final ExerciseIndex index;
    private final Workspace workspace;
    private final ExerciseRunner runner;

    public StudentLoop(Setup setup) {
        this.setup = setup;
        this.index = ExerciseIndex.of(setup.exercises());
        if (index.entries().isEmpty()) {
            throw new IllegalArgumentException("no @Exercise tests under " + setup.exercises().resolve("src/test/java"));
        }
        this.workspace = new Workspace(setup.exercises(), index, setup.dependencies(),
                setup.exercises().resolve("target/student-loop"));
        this.runner = new ExerciseRunner(setup.parent(), setup.exercises().resolve("docs"));
    }

    public Setup setup() {
        return setup;
    }

    public ExerciseIndex index() {
        return index;
    }

    Workspace workspace() {
        return workspace;
    }

    /** Compiles what changed and grades {@code entries}. */
    ExerciseRunner.Run grade(List<ExerciseIndex.Entry> entries) throws IOException {
        Workspace.Build build = workspace.prepare(entries);
        return runner.run(build, entries, setup.lang(), setup.links());
    }

    /**
     * Runs {@code action} where the exercises' pages (their hints) can be read: the grader reads
     * them through the thread's context class loader when its own class path lacks them.
     */
    public <T> T withPages(java.util.function.Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (FreshLoader pages = new FreshLoader(List.of(), setup.parent(), setup.exercises().resolve("docs"))) {
            thread.setContextClassLoader(pages);
            return action.get();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * The libraries the tests need, from the class loaders up from {@code loader} (Maven's
     * {@code exec:java} gives one with the test class path), else from {@code java.class.path};
     * the exercises' own compiled folders are left out: they are compiled here.
     */
    static List<Path> libraries(ClassLoader loader, Path exercises) {
        Set<Path> found = new LinkedHashSet<>();
        for (ClassLoader at = loader; at != null; at = at.getParent()) {
            if (at instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    try {
                        if ("file".equals(url.getProtocol())) {
                            found.add(Path.of(url.toURI()));
                        }
                    } catch (URISyntaxException | IllegalArgumentException e) {
                        // Not a local file: javac could not read it anyway.
                    }
                }
            }
        }
        for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                found.add(Path.of(entry));
            }
        }
        List<Path> libraries = new ArrayList<>();
        for (Path path : found) {
            Path absolute = path.toAbsolutePath().normalize();
            if (!absolute.startsWith(exercises) && !absolute.getFileName().toString().startsWith("plexus-classworlds")) {
                libraries.add(absolute);
            }
        }
        return libraries;
    }

    @Override
    public void close() throws IOException {
        workspace.close();
    }
}
