package sockets101.protocols;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import sockets101.testkit.Loopback;

/**
 * A tiny server for the protocol labs' tests, for what a library server would not send (every
 * lab uses one; NNTP, Telnet and Gopher only this one): it listens on loopback,
 * port 0, and runs a script for each client on a thread of its own, with reads bounded by
 * {@link Loopback#DEADLINE}. What the client sent can be recorded in {@link #heard()}.
 */
final class ScriptedServer implements AutoCloseable {
    /** What the server does with one client. */
    interface Script {
        void run(Socket client, ScriptedServer server) throws IOException;
    }

    /** A short time limit for the tests of a server that goes silent: each costs about this much. */
    static final Duration QUICK = Duration.ofMillis(100);

    /**
     * The client's time limit in the tests of an error that must come at once: it runs out
     * before the server's own read deadline, so a client that waits for more lines gets its
     * SocketTimeoutException, never an early close of the server.
     */
    static final Duration BEFORE_SERVER_GIVES_UP = Loopback.DEADLINE.dividedBy(2);

    private final ServerSocket socket;
    private final List<String> heard = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private final List<Thread> workers = new CopyOnWriteArrayList<>();

    ScriptedServer(Script script) throws IOException {
        socket = new ServerSocket();
        socket.bind(Loopback.anyPort());
        acceptor = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    client.setSoTimeout((int) Loopback.DEADLINE.toMillis());
                    Thread worker = new Thread(() -> {
                        try (client) {
                            script.run(client, this);
                        } catch (IOException e) {
                            heard.add("! " + e);
                        }
                    }, "scripted-client");
                    worker.setDaemon(true);
                    workers.add(worker);
                    worker.start();
                } catch (SocketException closed) {
                    return;
                } catch (IOException e) {
                    heard.add("! " + e);
                }
            }
        }, "scripted-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A server that accepts, then says nothing until the client closes (or the deadline). */
    static ScriptedServer silent() throws IOException {
        return new ScriptedServer((client, s) -> client.getInputStream().readAllBytes());
    }

    InetSocketAddress address() {
        return new InetSocketAddress(Loopback.ADDRESS, socket.getLocalPort());
    }

    /** Lines (or notes) the scripts recorded, in order. */
    List<String> heard() {
        return heard;
    }

    void hear(String line) {
        heard.add(line);
    }

    /** One CRLF- (or LF-) terminated line in UTF-8, without its terminator; null at EOF. */
    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    /**
     * Waits until every client's script so far has ended (a script ends when its client closed
     * the connection, or on the read deadline), so that {@link #heard()} holds all they recorded.
     */
    void awaitScripts() throws InterruptedException {
        long deadline = System.nanoTime() + 2 * Loopback.DEADLINE.toNanos();
        for (Thread worker : workers) {
            worker.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
    }

    /** The bytes of {@code text} in UTF-8, written and flushed. */
    static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
