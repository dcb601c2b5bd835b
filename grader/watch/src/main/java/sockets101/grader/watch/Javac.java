package sockets101.grader.watch;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JDK's compiler, in this process: no new JVM per save, and one file manager kept warm
 * (its jar indexes are read once). Every compilation writes into a folder of its own, so a
 * class loader never sees half of one.
 */
final class Javac implements AutoCloseable {
    /** How a compilation went: the errors by source file (empty when it compiled). */
    record Result(Map<Path, List<String>> errors) {
        boolean ok() {
            return errors.isEmpty();
        }
    }

    private final JavaCompiler compiler;
    private final StandardJavaFileManager files;

    Javac() {
        compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no Java compiler in this runtime: run with a JDK, not a JRE");
        }
        files = compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
    }

    /**
     * Compiles {@code sources} into {@code out}. Classes they use are looked up in
     * {@code classpath}, then in {@code sourcepath}; with {@code implicit} the sources found there
     * are compiled into {@code out} too.
     */
    Result compile(Collection<Path> sources, List<Path> classpath, List<Path> sourcepath, Path out, boolean implicit) {
        try {
            Files.createDirectories(out);
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(out));
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath);
            files.setLocationFromPaths(StandardLocation.SOURCE_PATH, sourcepath);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("--release", "17", "-encoding", "UTF-8", "-proc:none", "-g", "-nowarn",
                "-implicit:" + (implicit ? "class" : "none"));
        Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
        boolean ok = compiler.getTask(null, files, diagnostics, options, null, units).call();
        Map<Path, List<String>> errors = new LinkedHashMap<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            Path file = d.getSource() == null ? Path.of("?") : Path.of(d.getSource().toUri());
            errors.computeIfAbsent(file, f -> new ArrayList<>()).add(describe(file, d));
        }
        if (!ok && errors.isEmpty()) {
            errors.put(Path.of("?"), List.of("javac failed with no message"));
        }
        return new Result(errors);
    }

    /** {@code Bind.java:34: ';' expected}, then the line of code. */
    private static String describe(Path file, Diagnostic<? extends JavaFileObject> d) {
        StringBuilder text = new StringBuilder();
        text.append(file.getFileName()).append(':').append(d.getLineNumber()).append(": ")
                .append(d.getMessage(Locale.ROOT).lines().findFirst().orElse(""));
        if (d.getLineNumber() > 0 && Files.isRegularFile(file)) {
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                if (d.getLineNumber() <= lines.size()) {
                    text.append("\n    ").append(lines.get((int) d.getLineNumber() - 1).strip());
                }
            } catch (IOException | UncheckedIOException e) {
                // The line is a courtesy; the message says what is wrong.
            }
        }
        return text.toString();
    }

    @Override
    public void close() throws IOException {
        files.close();
    }
}
