package sockets101.grader;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads a submission's sources and compiles them in-process, against the JDK alone.
 *
 * <p>Only {@code .java} files under the source root are read, copied first into a private
 * folder (symbolic links, oversized files and everything else are ignored and listed). The
 * source root is {@code DIR/src/main/java}, else {@code DIR/exercises/src/main/java} (a whole
 * repository), else DIR itself (loose files), leaving out {@code src/test}. A file that is not
 * UTF-8 is read as Windows-1252. A file that does not compile is left out (with its errors
 * kept) and the rest compiled again, so one broken file costs only its own exercise. A
 * compiled class that has the name of one of the grader's classes is deleted.
 */
final class SubmissionCompiler {
    /** Errors kept per broken file. */
    private static final int MAX_ERROR_CHARS = 1500;
    private static final long MAX_FILE_BYTES = 512 * 1024;
    private static final int MAX_FILES = 500;
    private static final int MAX_LISTED = 12;

    /** The sources read: their copy's root, their paths relative to it, and notes for the report. */
    record Sources(Path root, List<Path> files, String sourceRoot, List<String> notes) {
    }

    /** The result: the classes folder, per broken source (relative path) its errors, and notes. */
    record Compilation(Path classes, Map<String, String> broken, List<String> notes) {
        boolean hasClass(String className) {
            return Files.isRegularFile(classes.resolve(className.replace('.', '/') + ".class"));
        }
    }

    private SubmissionCompiler() {
    }

    /** Copies the submission's sources under {@code copy}. */
    static Sources read(Path submission, Path copy, Lang lang) throws IOException {
        return read(submission, copy, lang, java.util.Set.of());
    }

    /**
     * Copies the submission's sources under {@code copy}: the exercises' own files first
     * ({@code priority}, paths under the source root), so that the cap on the number of files can
     * never drop one of them.
     */
    static Sources read(Path submission, Path copy, Lang lang, java.util.Set<String> priority) throws IOException {
        Path root = submission;
        boolean loose = true;
        for (String candidate : List.of("src/main/java", "exercises/src/main/java")) {
            if (Files.isDirectory(submission.resolve(candidate))) {
                root = submission.resolve(candidate);
                loose = false;
                break;
            }
        }
        Path sourceRoot = root;
        boolean looseFiles = loose;
        List<Path> files = new ArrayList<>();
        List<Path> candidates = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int[] ignoredCount = {0};
        Files.createDirectories(copy);
        Files.walkFileTree(submission, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                boolean skip = !dir.equals(submission) && (name.startsWith(".") || name.equals("target")
                        || (looseFiles && dir.endsWith("src/test")));
                if (skip) {
                    ignore(dir, "/");
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                boolean source = file.startsWith(sourceRoot) && file.getFileName().toString().endsWith(".java")
                        && !file.getFileName().toString().equals("module-info.java");
                if (!source || !attrs.isRegularFile()) {
                    ignore(file, attrs.isSymbolicLink() ? " (symlink)" : "");
                } else if (attrs.size() > MAX_FILE_BYTES) {
                    ignore(file, lang.pick(" (demasiado grande)", " (too large)"));
                } else {
                    candidates.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                ignore(file, " (" + e.getClass().getSimpleName() + ")");
                return FileVisitResult.CONTINUE;
            }

            private void ignore(Path path, String why) {
                if (ignoredCount[0]++ < MAX_LISTED) {
                    ignored.add(slashes(submission.relativize(path)) + why);
                }
            }
        });
        candidates.sort(Comparator.comparing((Path f) -> !priority.contains(slashes(sourceRoot.relativize(f))))
                .thenComparing(Comparator.naturalOrder()));
        for (Path file : candidates) {
            Path relative = sourceRoot.relativize(file);
            if (files.size() >= MAX_FILES) {
                if (ignored.size() < MAX_LISTED) ignored.add(slashes(relative) + lang.pick(" (más de " + MAX_FILES + " archivos)", " (over " + MAX_FILES + " files)"));
                ignoredCount[0]++;
                continue;
            }
            byte[] bytes;
            try (java.io.InputStream in = Files.newInputStream(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
            }
            if (bytes.length > MAX_FILE_BYTES) {
                if (ignored.size() < MAX_LISTED) {
                    ignored.add(slashes(relative) + lang.pick(" (demasiado grande)", " (too large)"));
                }
                ignoredCount[0]++;
                continue;
            }
            Path target = copy.resolve(relative);
            Files.createDirectories(target.getParent());
            Files.writeString(target, decode(bytes, relative, notes, lang), StandardCharsets.UTF_8);
            files.add(relative);
        }
        String shownRoot = looseFiles ? "." : slashes(submission.relativize(sourceRoot));
        if (ignoredCount[0] > 0) {
            notes.add(lang.pick("Solo se califica " + shownRoot + "/**/*.java; se ignoraron " + ignoredCount[0]
                            + " entradas del envío: ",
                    "Only " + shownRoot + "/**/*.java is graded; " + ignoredCount[0] + " entries of the submission were ignored: ")
                    + String.join(", ", ignored) + (ignoredCount[0] > MAX_LISTED ? ", …" : ""));
        }
        files.sort(Comparator.naturalOrder());
        return new Sources(copy, files, shownRoot, notes);
    }

    /** UTF-8 (without a byte order mark, which javac rejects), else Windows-1252 with a note. */
    private static String decode(byte[] bytes, Path file, List<String> notes, Lang lang) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, Charset.forName("windows-1252"));
            notes.add(lang.pick(slashes(file) + " no está en UTF-8: se leyó como Windows-1252",
                    slashes(file) + " is not UTF-8: it was read as Windows-1252"));
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Compiles the sources read into {@code classes}, leaving out the files that do not compile. */
    static Compilation compile(Sources sources, Path classes, Lang lang) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler: run the autograder with a JDK, not a JRE");
        }
        List<Path> remaining = new ArrayList<>(sources.files().stream().map(f -> sources.root().resolve(f.toString())).toList());
        Map<String, String> broken = new LinkedHashMap<>();
        Path empty = Files.createDirectories(classes.resolveSibling(classes.getFileName() + "-sourcepath"));
        while (!remaining.isEmpty()) {
            clean(classes);
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            boolean ok;
            try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
                List<String> options = List.of("--release", "17", "-encoding", "UTF-8", "-proc:none",
                        "-implicit:none", "-nowarn", "-Xmaxerrs", "50", "-classpath", empty.toString(),
                        "-sourcepath", empty.toString(), "-d", classes.toString());
                ok = javac.getTask(new StringWriter(), files, diagnostics, options, null,
                        files.getJavaFileObjectsFromPaths(remaining)).call();
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
                errors.computeIfAbsent(file, f -> new StringBuilder()).append(sources.sourceRoot()).append('/')
                        .append(relative(sources.root(), file)).append(':').append(d.getLineNumber()).append(": ")
                        .append(d.getMessage(Locale.ROOT)).append('\n');
            }
            if (errors.isEmpty() || !remaining.containsAll(errors.keySet())) {
                // javac failed without naming a file of ours (it crashed, say): the caller finds
                // the file to blame by compiling each alone (CompileMain).
                throw new IllegalStateException("javac failed without naming a source file: " + diagnostics.getDiagnostics());
            }
            errors.forEach((file, builder) -> {
                String text = builder.toString();
                String kept = text.length() > MAX_ERROR_CHARS ? text.substring(0, MAX_ERROR_CHARS) + " …" : text;
                broken.put(relative(sources.root(), file), kept.strip());
            });
            remaining.removeAll(errors.keySet());
        }
        if (remaining.isEmpty()) {
            clean(classes);
        }
        return new Compilation(classes, broken, removeShadows(classes, lang));
    }

    /**
     * Deletes compiled classes in the grader's own package: the submission's JVM puts its own
     * classes first anyway, so such a class could never run; the note tells the student why.
     */
    private static List<String> removeShadows(Path classes, Lang lang) throws IOException {
        List<String> shadows = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(classes)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".class")).toList()) {
                String resource = relative(classes, file);
                if (resource.startsWith("sockets101/grader/")) {
                    Files.delete(file);
                    shadows.add(resource.replace('/', '.').replaceFirst("\\.class$", ""));
                }
            }
        }
        if (shadows.isEmpty()) {
            return List.of();
        }
        return List.of(lang.pick("Se ignoraron clases del envío con el nombre de una clase del calificador "
                        + "(se usa la del calificador): ",
                "Classes of the submission named like one of the grader's were ignored (the grader's own is used): ")
                + String.join(", ", shadows.subList(0, Math.min(shadows.size(), MAX_LISTED)))
                + (shadows.size() > MAX_LISTED ? ", …" : ""));
    }

    private static String relative(Path root, Path file) {
        return slashes(root.relativize(file));
    }

    private static String slashes(Path path) {
        return path.toString().replace('\\', '/');
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
