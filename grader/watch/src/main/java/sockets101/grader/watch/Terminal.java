package sockets101.grader.watch;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The student's terminal: keys one at a time where the terminal allows it ({@code stty} on
 * Linux and macOS), else whole lines (type the key, then Enter: a Windows console, an IDE's
 * console, a pipe); the screen cleared before each grade where ANSI codes work, else a rule
 * between grades.
 */
final class Terminal implements AutoCloseable {
    private static final String CLEAR = "\033[H\033[2J\033[3J";

    private final PrintStream out;
    private final boolean ansi;
    private final String savedMode;
    private final BlockingQueue<Character> keys = new LinkedBlockingQueue<>();

    private Terminal(PrintStream out, InputStream in, boolean ansi, String savedMode) {
        this.out = out;
        this.ansi = ansi;
        this.savedMode = savedMode;
        Thread reader = new Thread(() -> read(in), "watch-keys");
        reader.setDaemon(true);
        reader.start();
    }

    /** The terminal of this process: raw keys and ANSI where available. */
    static Terminal open() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        boolean console = System.console() != null;
        String term = System.getenv().getOrDefault("TERM", "");
        boolean ansi = console && !"dumb".equals(term) && (!windows || System.getenv("WT_SESSION") != null || !term.isEmpty());
        String saved = null;
        if (console && !windows && new File("/dev/tty").canRead()) {
            saved = stty("-g");
            if (saved != null && stty("-icanon", "-echo", "min", "1") == null) {
                saved = null;
            }
        }
        Terminal terminal = new Terminal(System.out, System.in, ansi, saved);
        if (saved != null) {
            // Ctrl-C too gives the terminal back as it was.
            Runtime.getRuntime().addShutdownHook(new Thread(terminal::restore, "watch-tty"));
        }
        return terminal;
    }

    /** True when a key acts at once; false when it needs Enter. */
    boolean raw() {
        return savedMode != null;
    }

    /** The keys typed, in order. */
    BlockingQueue<Character> keys() {
        return keys;
    }

    /** Shows a screen: clears the terminal first where it can. */
    void show(String screen) {
        if (ansi) {
            out.print(CLEAR);
        } else {
            out.println();
            out.println("─".repeat(72));
        }
        out.print(screen);
        out.flush();
    }

    private void read(InputStream in) {
        try {
            var reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8);
            int c;
            while ((c = reader.read()) != -1) {
                keys.add((char) c);
            }
        } catch (IOException e) {
            // No more keys: watch mode goes on until it is stopped.
        }
    }

    private synchronized void restore() {
        if (savedMode != null) {
            stty(savedMode.strip());
        }
    }

    /** Runs {@code stty ARGS} on the controlling terminal; its output, or null if it failed. */
    private static String stty(String... args) {
        try {
            String[] command = new String[args.length + 1];
            command[0] = "stty";
            System.arraycopy(args, 0, command, 1, args.length);
            Process p = new ProcessBuilder(command).redirectInput(new File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor() == 0 ? output : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public void close() {
        restore();
    }
}
