package sockets101.general;

import sockets101.grader.Student;
import sockets101.testkit.Loopback;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static sockets101.grader.Lang.say;

/**
 * Two TCP sockets connected to each other on loopback, for the tests of lesson 06: {@code near}
 * is handed to the code under test, {@code far} is the test's own peer. Reads on both are
 * bounded by {@link Loopback#DEADLINE}.
 */
record Wire(Socket near, Socket far) implements AutoCloseable {

    static Wire open() throws IOException {
        return open(0);
    }

    /**
     * @param nearReceiveBuffer {@code SO_RCVBUF} of {@code near}, set before connecting (0 = the
     *                          system's); a small buffer makes a large frame arrive in many reads
     */
    static Wire open(int nearReceiveBuffer) throws IOException {
        int deadline = (int) Loopback.DEADLINE.toMillis();
        try (ServerSocket server = Loopback.listening(1)) {
            server.setSoTimeout(deadline);
            // The student's side: in the autograder, a socket of the submission's JVM.
            Socket near = Student.socket();
            try {
                if (nearReceiveBuffer > 0) {
                    near.setReceiveBufferSize(nearReceiveBuffer);
                }
                near.connect(server.getLocalSocketAddress(), deadline);
                near.setSoTimeout(deadline);
                Socket far = server.accept();
                far.setSoTimeout(deadline);
                return new Wire(near, far);
            } catch (IOException e) {
                near.close();
                throw e;
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            near.close();
        } finally {
            far.close();
        }
    }

    /** Runs {@code task} on a daemon thread of its own (a peer, or the code under test). */
    static <T> Future<T> background(Callable<T> task) {
        FutureTask<T> future = new FutureTask<>(task);
        Thread thread = new Thread(future, "test-peer");
        thread.setDaemon(true);
        thread.start();
        return future;
    }

    /** The result of a background task within the deadline; its own exception is rethrown as is. */
    static <T> T await(Future<T> future) throws Exception {
        try {
            return future.get(Loopback.DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new AssertionError(say(
                    "no terminó en " + Loopback.DEADLINE.toMillis() + " ms",
                    "did not finish within " + Loopback.DEADLINE.toMillis() + " ms"), e);
        }
    }

    /**
     * Waits until the reader of {@code socket} has taken every byte that arrived (or {@code done}
     * holds), polling with a deadline. Writing the next piece only then makes a reader that
     * calls {@code read()} once see a short read. Past the deadline it simply returns: the test
     * goes on, it does not fail a slow but correct reader.
     */
    static void awaitDrained(Socket socket, BooleanSupplier done) {
        long deadline = System.nanoTime() + Loopback.DEADLINE.toNanos();
        try {
            InputStream in = socket.getInputStream();
            while (in.available() > 0 && !done.getAsBoolean() && System.nanoTime() < deadline) {
                LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
            }
        } catch (IOException e) {
            // the code under test closed the socket: nothing left to wait for
        }
    }
}
