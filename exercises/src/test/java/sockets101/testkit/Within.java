package sockets101.testkit;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static sockets101.grader.Lang.say;

/** Runs a call that may block for ever (a student's code) with a deadline of the test's own. */
public final class Within {
    private Within() {
    }

    /**
     * The result of {@code task}, run on a daemon thread; what it throws is thrown as is. If it is
     * still running after {@code limit}, the test fails with {@code es}/{@code en} and the thread
     * is left behind (a blocked socket call cannot be stopped from outside).
     */
    public static <T> T call(Duration limit, Callable<T> task, String es, String en) throws Exception {
        FutureTask<T> future = new FutureTask<>(task);
        Thread thread = new Thread(future, "within-" + limit.toMillis() + "ms");
        thread.setDaemon(true);
        thread.start();
        try {
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } catch (TimeoutException e) {
            thread.interrupt();
            throw new AssertionError(say("sin terminar tras " + limit.toMillis() + " ms: ", "not done after "
                    + limit.toMillis() + " ms: ") + say(es, en));
        }
    }
}
