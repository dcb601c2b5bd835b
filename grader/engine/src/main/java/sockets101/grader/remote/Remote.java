package sockets101.grader.remote;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the autograder's stand-ins for the student's classes send their calls. In
 * {@code autograder.jar}, class {@code sockets101.server.Bind} is not the student's: it is a
 * stand-in generated from the exercise's stub ({@link ProxyWriter}) whose methods call
 * {@link #invoke}, which runs the student's method in the submission's JVM and gives back plain
 * data as the grader's own objects. Each exercise's tests run in a class loader of their own,
 * bound here to that exercise's {@link Connection}.
 */
public final class Remote {
    private static final Map<ClassLoader, Connection> CONNECTIONS = new ConcurrentHashMap<>();

    private Remote() {
    }

    /** Routes the stand-ins loaded by {@code loader} to {@code connection}. */
    public static void bind(ClassLoader loader, Connection connection) {
        CONNECTIONS.put(loader, connection);
    }

    public static void unbind(ClassLoader loader) {
        CONNECTIONS.remove(loader);
    }

    /** The connection for classes of {@code loader}, or null when the tests run in-process (the student's loop). */
    public static Connection of(ClassLoader loader) {
        return loader == null ? null : CONNECTIONS.get(loader);
    }

    /**
     * Runs {@code owner}'s static method {@code method} in the submission's JVM and returns its answer;
     * what the student's code threw is thrown here, rebuilt.
     */
    public static <T> T invoke(Class<?> owner, Class<T> returnType, String method, Class<?>[] parameterTypes,
                               Object... args) {
        Connection connection = of(owner.getClassLoader());
        if (connection == null) {
            throw new IllegalStateException(owner.getName() + " is the autograder's stand-in: it runs only inside the autograder");
        }
        List<String> types = Arrays.stream(parameterTypes).map(Class::getTypeName).toList();
        try {
            Object answer = connection.call(owner.getName(), method, types, new ArrayList<>(Arrays.asList(args)));
            if (returnType == void.class) {
                return null;
            }
            @SuppressWarnings("unchecked")
            T value = (T) Errors.convert(answer, returnType);
            return value;
        } catch (Exception e) {
            throw Remote.<RuntimeException>sneaky(e);
        }
    }

    /** Rethrows a checked exception the stand-in's method declares, as the student's code threw it. */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable e) throws E {
        throw (E) e;
    }
}
