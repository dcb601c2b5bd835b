package sockets101.lessons;

import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet.Status;
import jdk.jshell.SnippetEvent;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * One JShell (the {@code jdi} engine: snippets run in a JVM of their own, so a snippet's
 * {@code System.exit} or endless loop cannot take the build down) that evaluates snippets one
 * at a time, capturing each one's output and bounding each one's time with {@link JShell#stop()}.
 */
public final class ShellSession implements AutoCloseable {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "snippet-watchdog");
        t.setDaemon(true);
        return t;
    });
    private final JShell shell;
    private final Duration limit;

    /**
     * Starts a shell whose snippets see {@code classPath} and may each run for {@code limit}.
     */
    public ShellSession(String classPath, Duration limit) {
        this.limit = limit;
        shell = QuickEngine.build(JShell.builder()
                .in(InputStream.nullInputStream())
                .out(new PrintStream(out, true, StandardCharsets.UTF_8))
                .err(new PrintStream(err, true, StandardCharsets.UTF_8)),
                List.of("-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8",
                        "-Duser.language=en", "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        shell.onShutdown(s -> ended.set(true));
        if (classPath != null && !classPath.isBlank()) {
            for (String entry : classPath.split(java.io.File.pathSeparator)) {
                shell.addToClasspath(entry);
            }
        }
        // The first compilation warms javac up (a second or more on a busy machine); done here,
        // it does not count against the first snippet's time limit. An import leaves no trace.
        shell.eval("import java.lang.*;");
    }

    /** The shell's source analysis, to cut a file into snippets. */
    public jdk.jshell.SourceCodeAnalysis analysis() {
        return shell.sourceCodeAnalysis();
    }

    /** Evaluates one snippet and says how it went. */
    public Result run(Snippet snippet) {
        if (ended.get()) {
            return new Result(snippet, "", "JShell has ended (an earlier snippet called System.exit?)");
        }
        synchronized (out) {
            out.reset();
            err.reset();
        }
        AtomicBoolean stopped = new AtomicBoolean();
        ScheduledFuture<?> timer = watchdog.schedule(() -> {
            stopped.set(true);
            shell.stop();
        }, limit.toMillis(), TimeUnit.MILLISECONDS);
        List<SnippetEvent> events;
        try {
            events = shell.eval(snippet.source());
        } catch (IllegalStateException e) {
            return new Result(snippet, captured(), "JShell ended while running it (System.exit?)");
        } finally {
            timer.cancel(false);
        }
        StringBuilder shown = new StringBuilder(captured());
        if (stopped.get()) {
            return new Result(snippet, shown.toString(), "time limit of " + limit.toSeconds()
                    + " s hit: stopped with JShell.stop() (an endless loop, or a blocking call with no timeout?)");
        }
        if (ended.get()) {
            return new Result(snippet, shown.toString(), "the snippet ended JShell (System.exit?)");
        }
        String failure = null;
        Throwable thrown = null;
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue; // a knock-on update of an earlier snippet, not this one's result
            }
            if (event.status() == Status.REJECTED) {
                String diagnostics = shell.diagnostics(event.snippet())
                        .map(d -> d.getMessage(Locale.ENGLISH)).collect(Collectors.joining("; "));
                return new Result(snippet, shown.toString(), "does not compile: " + diagnostics);
            }
            if (event.exception() != null) {
                thrown = event.exception();
            } else if (event.value() != null && event.snippet() instanceof VarSnippet var
                    && event.snippet().subKind() == jdk.jshell.Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
                shown.append(var.name()).append(" ==> ").append(event.value()).append('\n');
            }
        }
        if (thrown != null) {
            String type = exceptionType(thrown);
            shown.append("Exception ").append(type);
            if (thrown.getMessage() != null) {
                shown.append(": ").append(thrown.getMessage());
            }
            shown.append('\n');
            if (snippet.expected() == null) {
                failure = "uncaught exception " + type + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage())
                        + " (mark the snippet with '// throws: " + simple(type) + "' if it is meant to throw)";
            } else if (!type.equals(snippet.expected()) && !simple(type).equals(snippet.expected())) {
                failure = "threw " + type + " but '// throws: " + snippet.expected() + "' was expected";
            }
        } else if (snippet.expected() != null) {
            failure = "was expected to throw " + snippet.expected() + " but did not";
        }
        return new Result(snippet, shown.toString(), failure);
    }

    private static String exceptionType(Throwable thrown) {
        if (thrown instanceof EvalException eval) {
            return eval.getExceptionClassName();
        }
        if (thrown instanceof UnresolvedReferenceException unresolved) {
            return "unresolved reference to " + unresolved.getSnippet().source().strip();
        }
        return thrown.getClass().getName();
    }

    private static String simple(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private String captured() {
        synchronized (out) {
            String stdout = out.toString(StandardCharsets.UTF_8);
            String stderr = err.toString(StandardCharsets.UTF_8);
            return stdout + stderr;
        }
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        shell.close();
    }

}
