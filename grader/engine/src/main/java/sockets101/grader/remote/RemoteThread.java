package sockets101.grader.remote;

import java.io.IOException;

/**
 * A thread of the submission's JVM, as the grader's tests see it: a local thread that lives as
 * long as the remote one (it waits for it to end), so {@code join} and {@code isAlive} work, and
 * whose {@link #getState()} is the remote thread's.
 */
final class RemoteThread extends Thread implements RemoteObject {
    private final Connection connection;
    private final Values.Ref ref;

    private RemoteThread(Connection connection, Values.Ref ref) {
        super("submission-thread-" + ref.id());
        this.connection = connection;
        this.ref = ref;
        setDaemon(true);
    }

    static RemoteThread of(Connection connection, Values.Ref ref) {
        return new RemoteThread(connection, ref);
    }

    /** Starts the local twin, once it is known as the remote thread's (its first wait needs that). */
    synchronized void follow() {
        if (getState() == State.NEW && !started) {
            started = true;
            start();
        }
    }

    private boolean started;

    @Override
    public Values.Ref ref() {
        return ref;
    }

    @Override
    public void run() {
        try {
            connection.op(ref, this, "join");
        } catch (IOException ended) {
            // the remote thread's JVM ended: so did the thread
        }
    }

    @Override
    public State getState() {
        if (!started) {
            return super.getState();
        }
        try {
            return State.valueOf((String) connection.op(ref, this, "state"));
        } catch (IOException | RuntimeException ended) {
            return State.TERMINATED;
        }
    }

    @Override
    public void interrupt() {
        try {
            connection.op(ref, this, "interrupt");
        } catch (IOException ended) {
            // nothing to interrupt
        }
    }
}
