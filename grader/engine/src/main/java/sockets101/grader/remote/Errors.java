package sockets101.grader.remote;

import java.lang.reflect.Constructor;
import java.util.List;
import java.util.Map;

/** Exceptions and values from the submission's JVM, rebuilt as the grader's own objects. */
final class Errors {
    private Errors() {
    }

    /**
     * The exception the student's code threw, rebuilt: a JDK exception class of the same name
     * with the same message, suppressed exceptions in order and cause; any other class becomes a
     * {@link StudentException} naming it. No code of the submission runs here.
     */
    static Throwable rebuild(Object data) {
        if (!(data instanceof Values.ErrorData error)) {
            return new StudentException("?", "an exception that cannot be read");
        }
        return build(error);
    }

    private static Throwable build(Values.ErrorData error) {
        if (error.type().equals(ExceptionInInitializerError.class.getName()) && error.cause() != null) {
            // Its cause is what the static initializer threw: the only constructor that keeps it.
            Throwable cause = build(error.cause());
            Throwable t = new ExceptionInInitializerError(cause);
            t.setStackTrace(new StackTraceElement[0]);
            return t;
        }
        Throwable t = jdk(error.type(), error.message());
        if (t == null) {
            t = new StudentException(error.type(), error.message());
        }
        t.setStackTrace(new StackTraceElement[0]);
        for (Values.ErrorData suppressed : error.suppressed()) {
            t.addSuppressed(build(suppressed));
        }
        if (error.cause() != null) {
            try {
                t.initCause(build(error.cause()));
            } catch (IllegalStateException | IllegalArgumentException alreadySet) {
                // a JDK exception that made its own cause: keep it
            }
        }
        return t;
    }

    private static Throwable jdk(String type, String message) {
        if (!(type.startsWith("java.") || type.startsWith("javax."))) {
            return null;
        }
        try {
            Class<?> c = Class.forName(type, false, ClassLoader.getPlatformClassLoader());
            if (!Throwable.class.isAssignableFrom(c)) {
                return null;
            }
            for (Class<?> parameter : List.of(String.class, Object.class)) {
                try {
                    Constructor<?> constructor = c.getConstructor(parameter);
                    return (Throwable) constructor.newInstance(message);
                } catch (NoSuchMethodException next) {
                    // try the next shape
                }
            }
            if (message == null) {
                return (Throwable) c.getConstructor().newInstance();
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
        return null;
    }

    /** A value for a record component or a return type of {@code type}. */
    static Object convert(Object value, Class<?> type) {
        if (value == null) {
            if (type.isPrimitive()) {
                throw new IllegalArgumentException("no value for a " + type);
            }
            return null;
        }
        if (type == long.class || type == Long.class) {
            return ((Number) value).longValue();
        }
        if (type == int.class || type == Integer.class) {
            return ((Number) value).intValue();
        }
        if (type == char.class || type == Character.class) {
            return (Character) value;
        }
        if (type == boolean.class || type == Boolean.class) {
            return (Boolean) value;
        }
        if (type == double.class || type == Double.class) {
            return ((Number) value).doubleValue();
        }
        if (type.isInstance(value)) {
            return value;
        }
        if (type == Map.class && value instanceof Map<?, ?> || type == List.class && value instanceof List<?>) {
            return value;
        }
        throw new IllegalArgumentException("a " + value.getClass().getSimpleName() + " where a " + type.getSimpleName()
                + " was expected");
    }
}
