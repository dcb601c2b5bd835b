package sockets101.testkit;

import sockets101.grader.Student;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/** Loopback addresses and clients with short deadlines, shared by the graded tests. */
public final class Loopback {
    /** 127.0.0.1: present on every machine, unlike ::1. */
    public static final InetAddress ADDRESS = InetAddress.getLoopbackAddress();
    /** How long a test waits for a step that should be instant on loopback. */
    public static final Duration DEADLINE = Duration.ofSeconds(2);

    private Loopback() {
    }

    /** Loopback with port 0: the system picks a free port. */
    public static InetSocketAddress anyPort() {
        return new InetSocketAddress(ADDRESS, 0);
    }

    /** A client connected to {@code port} on loopback, reads bounded by {@link #DEADLINE}. */
    public static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(ADDRESS, port), (int) DEADLINE.toMillis());
            socket.setSoTimeout((int) DEADLINE.toMillis());
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * A listening socket on the student's side, for a test that hands one to the student's code
     * (in the autograder it lives in the submission's JVM): loopback, a free port.
     */
    public static ServerSocket listeningForStudent(int backlog) throws IOException {
        ServerSocket server = Student.serverSocket();
        try {
            server.bind(anyPort(), backlog);
            return server;
        } catch (IOException e) {
            server.close();
            throw e;
        }
    }

    /** A listening socket made by the test, not by the student's code: loopback, a free port. */
    public static ServerSocket listening(int backlog) throws IOException {
        ServerSocket server = new ServerSocket();
        try {
            server.bind(anyPort(), backlog);
            return server;
        } catch (IOException e) {
            server.close();
            throw e;
        }
    }
}
