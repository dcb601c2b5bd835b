package sockets101.grader;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Compiles a submission's {@code src/main/java} in-process, against the JDK alone. A file that
 * does not compile is left out (with its errors kept) and the rest compiled again, so one broken
 * exercise costs only its own points.
 */
final class SubmissionCompiler {
    /** Errors kept per broken file. */
    private static final int MAX_ERROR_CHARS = 1500;

    /** The result: the classes folder and, per source path relative to the source root, its errors. */
    record Compilation(Path classes, Map<String, String> broken) {
    }

    private SubmissionCompiler() {
    }

    static Compilation compile(Path sourceRoot, Path classes) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler: run the autograder with a JDK, not a JRE");
        }
        List<Path> sources = new ArrayList<>();
        if (Files.isDirectory(sourceRoot)) {
            try (Stream<Path> walk = Files.walk(sourceRoot)) {
                walk.filter(p -> p.toString().endsWith(".java") && !p.endsWith("module-info.java"))
                        .filter(Files::isRegularFile).sorted().forEach(sources::add);
            }
        }
        Map<String, String> broken = new LinkedHashMap<>();
        while (!sources.isEmpty()) {
            clean(classes);
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            boolean ok;
            try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
                List<String> options = List.of("--release", "17", "-encoding", "UTF-8", "-proc:none",
                        "-implicit:none", "-nowarn", "-classpath", classes.toString(), "-sourcepath", classes.toString(),
                        "-d", classes.toString());
                ok = javac.getTask(new StringWriter(), files, diagnostics, options, null,
                        files.getJavaFileObjectsFromPaths(sources)).call();
            }
            if (ok) {
                break;
            }
            Map<Path, StringBuilder> errors = new LinkedHashMap<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() != Diagnostic.Kind.ERROR || d.getSource() == null) {
                    continue;
                }
                Path file = Path.of(d.getSource().toUri());
                String relative = sourceRoot.relativize(file).toString().replace('\\', '/');
                errors.computeIfAbsent(file, f -> new StringBuilder()).append(relative).append(':')
                        .append(d.getLineNumber()).append(": ").append(d.getMessage(Locale.ROOT)).append('\n');
            }
            if (errors.isEmpty()) {
                // An error that names no file (a bad option, say) breaks every file alike.
                String all = diagnostics.getDiagnostics().toString();
                sources.forEach(s -> broken.put(relative(sourceRoot, s), all));
                sources.clear();
                break;
            }
            errors.forEach((file, builder) -> {
                String text = builder.toString();
                String kept = text.length() > MAX_ERROR_CHARS ? text.substring(0, MAX_ERROR_CHARS) + " …" : text;
                broken.put(relative(sourceRoot, file), kept.strip());
            });
            sources.removeAll(errors.keySet());
        }
        if (sources.isEmpty()) {
            clean(classes);
        }
        return new Compilation(classes, broken);
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private static void clean(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
    }
}
