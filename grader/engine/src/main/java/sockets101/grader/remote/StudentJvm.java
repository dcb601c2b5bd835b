package sockets101.grader.remote;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A submission JVM of its own, started with extra JVM options (see
 * {@link sockets101.grader.Student#jvm}); closing it ends it.
 */
public final class StudentJvm implements AutoCloseable {
    private final Connection connection;

    StudentJvm(Connection connection) {
        this.connection = connection;
    }

    /** A child JVM on this JVM's own class path: the student's loop, where tests and code share a JVM. */
    public static StudentJvm local(List<String> jvmOptions) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path") + File.pathSeparator, Host.class.getName()));
        return new StudentJvm(new Connection(() -> new ProcessBuilder(command), StudentJvm.class.getClassLoader()));
    }

    /**
     * Calls {@code owner}'s public static {@code method} there, with arguments of exactly these
     * classes; returns plain data (strings, numbers, lists, addresses).
     */
    public Object call(Class<?> owner, String method, Object... args) throws Exception {
        List<String> types = new ArrayList<>();
        for (Object arg : args) {
            types.add(arg.getClass().getName());
        }
        return connection.call(owner.getName(), method, types, List.of(args));
    }

    /** What that JVM printed. */
    public String output() {
        return connection.output();
    }

    @Override
    public void close() {
        connection.close();
    }
}
