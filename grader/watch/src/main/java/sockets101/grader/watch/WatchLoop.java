package sockets101.grader.watch;

import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watch mode's loop: waits for a key or for the next look at the sources (every
 * {@link #POLL_MILLIS} ms: reading a few dozen small files costs far less than a file-system
 * watcher's delays on some systems, and works the same everywhere), and shows the screen again
 * after each grade or key.
 */
final class WatchLoop {
    /** How often the sources are looked at. */
    static final long POLL_MILLIS = 100;

    private WatchLoop() {
    }

    /** Runs until the key {@code q}. */
    static void run(WatchSession session, BlockingQueue<Character> keys, Consumer<String> show)
            throws IOException, InterruptedException {
        show.accept(session.screen());
        while (true) {
            Character key = keys.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            if (key != null) {
                if (!session.key(key)) {
                    return;
                }
                if (key != '\n' && key != '\r') {
                    show.accept(session.screen());
                }
            }
            if (session.poll()) {
                show.accept(session.screen());
            }
        }
    }
}
