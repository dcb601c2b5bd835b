package sockets101.grader;

import sockets101.grader.remote.Connection;
import sockets101.grader.remote.Remote;
import sockets101.grader.remote.StudentJvm;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.List;

/**
 * The student's side of a test: sockets a test hands to the student's code are made here.
 *
 * <p>When a student runs the tests ({@code ./mvnw -Pstudent test}, an IDE, watch mode) the tests
 * and the student's code share one JVM, and these are plain sockets. In the autograder the
 * student's code runs in a JVM of its own that decides nothing: these sockets are made in
 * that JVM, and the test holds stand-ins that carry each call there. The test's own peers
 * ({@code new Socket()} in a test) always stay with the test: what they see decides the grade.
 */
public final class Student {
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private Student() {
    }

    /** An unconnected TCP socket on the student's side. */
    public static Socket socket() throws IOException {
        Connection connection = Remote.of(WALKER.getCallerClass().getClassLoader());
        return connection == null ? new Socket() : (Socket) connection.make("socket");
    }

    /** An unbound listening socket on the student's side. */
    public static ServerSocket serverSocket() throws IOException {
        Connection connection = Remote.of(WALKER.getCallerClass().getClassLoader());
        return connection == null ? new ServerSocket() : (ServerSocket) connection.make("serverSocket");
    }

    /** A UDP socket on the student's side, bound to {@code address} (null: unbound). */
    public static DatagramSocket datagramSocket(SocketAddress address) throws IOException {
        Connection connection = Remote.of(WALKER.getCallerClass().getClassLoader());
        return connection == null ? new DatagramSocket(address) : (DatagramSocket) connection.make("datagramSocket", address);
    }

    /**
     * A separate JVM that runs the student's code with extra JVM options (say
     * {@code -Djdk.net.hosts.file=FILE}), for a check that needs a JVM set up otherwise. Calls on
     * it take and return plain data. In the student's loop it is a child JVM on the test's own
     * class path; in the autograder, one more submission JVM, in the same sandbox.
     */
    public static StudentJvm jvm(List<String> jvmOptions) throws IOException {
        Connection connection = Remote.of(WALKER.getCallerClass().getClassLoader());
        return connection == null ? StudentJvm.local(jvmOptions) : connection.sibling(jvmOptions);
    }
}
