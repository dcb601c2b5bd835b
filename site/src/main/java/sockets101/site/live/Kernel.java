package sockets101.site.live;

import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet.Status;
import jdk.jshell.Snippet.SubKind;
import jdk.jshell.SnippetEvent;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;
import sockets101.lessons.Snippet;
import sockets101.lessons.SnippetParser;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * One page's kernel: a JShell whose code runs in a JVM of its own ({@link KernelEngine}, isolated
 * and limited as {@link KernelJvm} says), so an endless loop or {@code System.exit} cannot take
 * the server down; it keeps its state from cell to cell. One cell runs at a time. Everything it
 * returns (printed output, values, errors) is handed on as it comes, capped in size; its time is
 * bounded with {@link JShell#stop()}, and the kernel is restarted if the code does not stop (a
 * call blocked in native code) or if a thread the cell started still runs code once the cell was
 * stopped. A thread left running code by a cell that ended is given the time limit too, then the
 * kernel is restarted. A cell that ends the JShell ({@code System.exit}) gets a fresh kernel and
 * says so.
 */
final class Kernel implements AutoCloseable {
    /** What every cell of every kernel may use. */
    record Limits(Duration time, int outputChars, Duration grace) {
    }

    /** What Stop did: {@code restarted} when the kernel had to be restarted to stop it. */
    record StopResult(boolean stopped, boolean restarted, String message) {
    }

    /** Thrown when a cell is asked to run while another one is running. */
    static final class BusyException extends RuntimeException {
        BusyException() {
            super("a cell of this page is still running: wait for it or press Stop");
        }
    }

    /** One cell being run: its events, ending with one whose "event" is "end". */
    static final class Cell {
        final BlockingQueue<Map<String, Object>> events = new LinkedBlockingQueue<>();
        private int chars;
        private volatile boolean timedOut;
        private volatile boolean stopped;
        private volatile boolean capped;
        private volatile String leftRunning;
        private ScheduledFuture<?> stopper; // guarded by the kernel's lock

        void emit(String event, String key, Object value) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("event", event);
            e.put(key, value);
            events.add(e);
        }
    }

    private static final String EXPECTED = "expected:";
    /** How often an idle kernel is looked at for threads still running code. */
    private static final long IDLE_CHECK_MS = 1_000;
    private final String id;
    private final Limits limits;
    private final ExecutorService evaluator;
    private final ScheduledExecutorService watchdog;
    private final Object lock = new Object();
    private final StringBuilder background = new StringBuilder();
    private final Set<String> setUp = ConcurrentHashMap.newKeySet();
    private JShell shell;
    private KernelEngine engine;
    private String pendingNote; // said at the start of the next cell (a restart nobody saw)
    private long busySince; // nanoTime since when an idle kernel has had a thread running code, or 0
    private long lastCpu = -1; // the kernel's CPU time at the last idle check
    private int generation;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile Cell current;
    private volatile long lastUsed = System.nanoTime();
    private volatile boolean closed;

    Kernel(String id, Limits limits) {
        this.id = id;
        this.limits = limits;
        this.evaluator = Executors.newSingleThreadExecutor(daemon("kernel-" + id.substring(0, 6)));
        this.watchdog = Executors.newSingleThreadScheduledExecutor(daemon("kernel-watchdog-" + id.substring(0, 6)));
        synchronized (lock) {
            try {
                start();
            } catch (RuntimeException e) {
                evaluator.shutdownNow();
                watchdog.shutdownNow();
                throw e;
            }
        }
        watchdog.scheduleWithFixedDelay(this::checkIdle, IDLE_CHECK_MS, IDLE_CHECK_MS, TimeUnit.MILLISECONDS);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    String id() {
        return id;
    }

    boolean running() {
        return current != null;
    }

    /** How many times this kernel's JVM was started: 1, then one more per restart. */
    int starts() {
        synchronized (lock) {
            return generation;
        }
    }

    /** Nanoseconds ({@link System#nanoTime()}) when a cell last started or ended. */
    long lastUsed() {
        return lastUsed;
    }

    /** Starts a fresh JShell, warmed up with one trivial snippet; holds {@code lock}. */
    private void start() {
        int mine = ++generation;
        ended.set(false);
        setUp.clear();
        background.setLength(0);
        busySince = 0;
        lastCpu = -1;
        List<String> options = new ArrayList<>(List.of("-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8",
                "-Dstderr.encoding=UTF-8", "-Duser.language=en"));
        options.addAll(KernelJvm.FLAGS);
        KernelEngine made = new KernelEngine();
        JShell fresh = JShell.builder()
                .in(InputStream.nullInputStream())
                .out(new PrintStream(new Utf8Sink(text -> output(mine, text)), true, StandardCharsets.UTF_8))
                .err(new PrintStream(new Utf8Sink(text -> output(mine, text)), true, StandardCharsets.UTF_8))
                .remoteVMOptions(options.toArray(String[]::new))
                .executionEngine(made, Map.of())
                .build();
        engine = made;
        fresh.onShutdown(s -> {
            synchronized (lock) {
                if (shell == s) {
                    ended.set(true);
                }
            }
        });
        // The libraries the snippets use (lesson 07: GreenMail, Commons Net...), as when the build ran them.
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                fresh.addToClasspath(entry);
            }
        }
        fresh.eval("\"warm-up\";"); // the first evaluation loads the compiler: pay for it now
        shell = fresh;
    }

    /** Output of the code, now or later (a background thread): to the running cell, else kept for the next. */
    private void output(int from, String text) {
        synchronized (lock) {
            if (from != generation) {
                return; // a JShell already replaced
            }
            Cell cell = current;
            if (cell == null) {
                if (background.length() < limits.outputChars()) {
                    background.append(text, 0, Math.min(text.length(), limits.outputChars() - background.length()));
                }
                return;
            }
            emit(cell, "out", text);
        }
    }

    /** The note that ends a capped cell's output; its room is kept free under the cap. */
    private String cutNote() {
        return "\n[output cut at " + limits.outputChars() + " characters]\n";
    }

    /**
     * Hands {@code text} (printed output, a value, an error) to the cell, counted against the
     * cap: everything a cell returns, together, is at most {@code outputChars} characters, the
     * note saying where it was cut included. The cell is stopped once the cap is hit.
     */
    private void emit(Cell cell, String kind, String text) {
        synchronized (lock) {
            if (cell.capped) {
                return;
            }
            String note = cutNote();
            int room = Math.max(0, limits.outputChars() - note.length()) - cell.chars;
            if (text.length() <= room) {
                cell.chars += text.length();
                cell.emit(kind, "text", text);
                return;
            }
            if (room > 0) {
                int end = Character.isHighSurrogate(text.charAt(room - 1)) ? room - 1 : room; // no half character
                cell.emit(kind, "text", text.substring(0, end));
            }
            if (note.length() <= limits.outputChars()) {
                cell.emit("note", "text", note);
            }
            cell.chars = limits.outputChars();
            cell.capped = true;
            if (current == cell) {
                stopUntilEnded(cell, shell); // from the watchdog, not from JShell's own output thread
            }
        }
    }

    /**
     * Runs {@code code} (after {@code setup}, the snippets of its file that precede every cell,
     * the first time this kernel sees {@code file}) and returns the cell, whose events arrive as
     * it runs.
     */
    Cell run(String file, String setup, String code, String expected) {
        Cell cell = new Cell();
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("this kernel was shut down");
            }
            if (current != null) {
                throw new BusyException();
            }
            current = cell;
            lastUsed = System.nanoTime();
            busySince = 0;
            if (pendingNote != null) {
                emit(cell, "note", pendingNote);
                pendingNote = null;
            }
            if (!background.isEmpty()) {
                emit(cell, "out", background.toString());
                background.setLength(0);
            }
        }
        evaluator.execute(() -> evaluate(cell, file, setup, code, expected));
        return cell;
    }

    private void evaluate(Cell cell, String file, String setup, String code, String expected) {
        long start = System.nanoTime();
        String status = "ok";
        String message = null;
        JShell s;
        int mine;
        synchronized (lock) {
            s = shell;
            mine = generation;
        }
        ScheduledFuture<?> timer = watchdog.schedule(() -> {
            cell.timedOut = true;
            stopUntilEnded(cell, s);
        }, limits.time().toMillis(), TimeUnit.MILLISECONDS);
        ScheduledFuture<?> killer = watchdog.schedule(() -> {
            synchronized (lock) {
                if (generation == mine && current == cell) {
                    restart(); // stop() did not stop it (blocked in native code): end the JVM
                }
            }
        }, limits.time().plus(limits.grace()).toMillis(), TimeUnit.MILLISECONDS);
        try {
            boolean ok = true;
            if (setup != null && !setUp.contains(file)) {
                setUp.add(file);
                String failure = evalAll(s, cell, setup, false, null);
                if (failure != null) {
                    ok = false;
                    status = "error";
                    message = "the setup of " + file + ".jsh failed: " + failure;
                }
            }
            if (ok) {
                String failure = evalAll(s, cell, code, true, expected);
                if (failure != null && failure.startsWith(EXPECTED)) {
                    message = failure.substring(EXPECTED.length());
                } else if (failure != null) {
                    status = "error";
                    message = failure;
                }
            }
        } catch (IllegalStateException | IllegalArgumentException e) {
            status = "error";
            message = e.getMessage();
        } finally {
            timer.cancel(false);
            killer.cancel(false);
            synchronized (lock) {
                if (cell.stopper != null) {
                    cell.stopper.cancel(false);
                }
            }
        }
        if (cell.timedOut || cell.stopped || cell.capped) {
            cell.leftRunning = leftRunning(mine); // a thread the cell started, still running code
        }
        synchronized (lock) {
            if (generation == mine && !ended.get() && cell.leftRunning != null) {
                restart();
                status = "restarted";
                message = (cell.timedOut ? "time limit of " + limits.time().toSeconds() + " s hit" : cell.capped
                        ? "output cap of " + limits.outputChars() + " characters hit" : "stopped")
                        + ", but a thread the cell started (" + cell.leftRunning + ") was still running: the kernel "
                        + "was restarted, so the state of earlier cells is gone (run them again)";
            } else if (generation != mine || ended.get()) {
                status = "restarted";
                message = cell.timedOut
                        ? "time limit of " + limits.time().toSeconds() + " s hit and the code did not stop: "
                        + "the kernel was restarted, so the state of earlier cells is gone (run them again)"
                        : cell.stopped ? "the kernel was restarted: the state of earlier cells is gone (run them again)"
                        : "the kernel ended (System.exit?) and was restarted: the state of earlier cells is gone "
                        + "(run them again)";
                if (generation == mine) {
                    restart();
                }
            } else if (cell.timedOut) {
                status = "timeout";
                message = "time limit of " + limits.time().toSeconds() + " s hit: the cell was stopped "
                        + "(an endless loop, or a blocking call with no timeout?); the kernel keeps its state";
            } else if (cell.stopped) {
                status = "stopped";
                message = "stopped; the kernel keeps its state";
            } else if (cell.capped) {
                status = "capped";
                message = "output cap of " + limits.outputChars() + " characters hit (printed output, values and "
                        + "errors together): the rest was cut and the cell was stopped";
            }
            Map<String, Object> end = new LinkedHashMap<>();
            end.put("event", "end");
            end.put("status", status);
            end.put("ms", (System.nanoTime() - start) / 1_000_000);
            if (message != null) {
                end.put("message", message);
            }
            current = null;
            lastUsed = System.nanoTime();
            cell.events.add(end);
        }
    }

    /** Evaluates each snippet of {@code source}; the reason it stopped early, or null. */
    private String evalAll(JShell s, Cell cell, String source, boolean show, String expected) {
        List<Snippet> snippets = new SnippetParser(s.sourceCodeAnalysis()).parse("cell", source);
        for (Snippet snippet : snippets) {
            if (cell.timedOut || cell.stopped || cell.capped) {
                return null; // said by the end event
            }
            List<SnippetEvent> events = s.eval(snippet.source());
            if (cell.timedOut || cell.stopped || cell.capped || ended.get()) {
                return null; // said by the end event
            }
            for (SnippetEvent event : events) {
                if (event.causeSnippet() != null) {
                    continue; // a knock-on update of an earlier snippet
                }
                if (event.status() == Status.REJECTED) {
                    String diagnostics = s.diagnostics(event.snippet())
                            .map(d -> d.getMessage(Locale.ENGLISH)).collect(Collectors.joining("; "));
                    String text = "does not compile (line " + snippet.line() + "): " + diagnostics;
                    emit(cell, "error", text + "\n");
                    return cell.capped ? null : text;
                }
                if (event.exception() != null) {
                    String text = "Exception " + describe(event.exception());
                    emit(cell, "error", text + "\n");
                    if (expected != null && event.exception() instanceof EvalException eval
                            && (eval.getExceptionClassName().equals(expected)
                            || eval.getExceptionClassName().endsWith("." + expected))) {
                        return EXPECTED + "threw " + expected + ", as the lesson expects";
                    }
                    return cell.capped ? null : text;
                }
                if (show && event.value() != null && event.snippet() instanceof VarSnippet var
                        && event.snippet().subKind() == SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
                    emit(cell, "value", var.name() + " ==> " + event.value() + "\n");
                } else if (show && event.value() != null && event.snippet() instanceof ExpressionSnippet expression) {
                    emit(cell, "value", expression.name() + " ==> " + event.value() + "\n"); // a bare variable
                }
            }
        }
        return null;
    }

    private static String describe(Throwable thrown) {
        String type;
        if (thrown instanceof EvalException eval) {
            type = eval.getExceptionClassName();
        } else if (thrown instanceof UnresolvedReferenceException unresolved) {
            return "unresolved reference: " + unresolved.getSnippet().source().strip()
                    + " uses something not defined yet (run the cells above first)";
        } else {
            type = thrown.getClass().getName();
        }
        return type + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage());
    }

    /**
     * Stops the running cell, if any (its end event says how it went). With no cell running, a
     * thread an earlier cell left running code is stopped too: by restarting the kernel.
     */
    StopResult stop() {
        Cell cell = current;
        if (cell != null) {
            cell.stopped = true;
            synchronized (lock) {
                stopUntilEnded(cell, shell);
            }
            return new StopResult(true, false, "the running cell is being stopped");
        }
        int mine;
        synchronized (lock) {
            mine = generation;
        }
        String busy = leftRunning(mine);
        synchronized (lock) {
            if (busy == null || generation != mine || current != null || closed) {
                return new StopResult(false, false, "nothing was running");
            }
            restart();
            pendingNote = null;
            return new StopResult(true, true, "no cell was running, but a thread a cell started (" + busy
                    + ") was: the kernel was restarted, so the state of earlier cells is gone (run them again)");
        }
    }

    /** The threads of generation {@code mine}'s kernel still running code, named; null if none. */
    private String leftRunning(int mine) {
        KernelEngine.Control control;
        synchronized (lock) {
            if (generation != mine || ended.get() || engine == null) {
                return null;
            }
            control = engine.control();
        }
        Set<String> busy = control == null ? Set.of() : control.busyThreads();
        return busy.isEmpty() ? null : busy.stream().map(t -> t.substring(0, t.lastIndexOf('#'))).sorted()
                .collect(Collectors.joining(", "));
    }

    /**
     * Every second while no cell runs: a thread left running code for longer than a cell may run
     * is ended by restarting the kernel, and the page hears of it with its next cell.
     */
    private void checkIdle() {
        int mine;
        synchronized (lock) {
            if (closed || current != null) {
                busySince = 0;
                return;
            }
            mine = generation;
        }
        KernelEngine.Control control;
        synchronized (lock) {
            control = engine == null ? null : engine.control();
        }
        if (control == null) {
            return;
        }
        long cpu = control.cpuNanos();
        long used = lastCpu < 0 ? Long.MAX_VALUE : cpu - lastCpu;
        lastCpu = cpu;
        // An idle JVM uses next to no CPU: only a kernel that used over 3% of a core since the last look is
        // looked at through JDI (on a machine loaded by builds a running thread may get no more than that).
        String busy = used * 100 < IDLE_CHECK_MS * 1_000_000 * 3 ? null : leftRunning(mine);
        synchronized (lock) {
            if (closed || current != null || generation != mine) {
                return;
            }
            if (busy == null) {
                busySince = 0;
                return;
            }
            long now = System.nanoTime();
            if (busySince == 0) {
                busySince = now;
            } else if (now - busySince >= limits.time().toNanos()) {
                restart();
                pendingNote = "(this kernel was restarted: a thread a cell started (" + busy + ") kept running code for "
                        + limits.time().toSeconds() + " s after its cell had ended; the state of earlier cells is gone)\n";
                System.out.println("[live] kernel " + id.substring(0, 6) + " restarted: a thread (" + busy
                        + ") kept running after its cell");
            }
        }
    }

    /**
     * Calls {@link JShell#stop()} now and every 100 ms until the cell ends: a stop that lands
     * between two snippets of the cell, or while one compiles, stops nothing.
     */
    private void stopUntilEnded(Cell cell, JShell s) {
        synchronized (lock) {
            if (cell.stopper == null && current == cell && !watchdog.isShutdown()) {
                cell.stopper = watchdog.scheduleWithFixedDelay(s::stop, 0, 100, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Ends this kernel's JShell and starts a fresh one (a running cell ends as "restarted"). */
    void restart() {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("this kernel was shut down");
            }
            JShell old = shell;
            Cell cell = current;
            if (cell != null && !cell.timedOut) {
                cell.stopped = true;
            }
            start(); // the generation changes first, so the old JShell's last words are dropped
            lastUsed = System.nanoTime();
            Thread closer = new Thread(old::close, "kernel-closer-" + id.substring(0, 6)); // not on the watchdog:
            closer.setDaemon(true); // close() shuts that down, and the old JVM must still be ended
            closer.start();
        }
    }

    @Override
    public void close() {
        JShell s;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            generation++;
            s = shell;
        }
        s.close();
        evaluator.shutdownNow();
        watchdog.shutdownNow();
    }
}
