package sockets101.grader.remote;

/**
 * An exception of a class that is not the JDK's, thrown by the student's code in the submission's
 * JVM: the grader keeps its class name and message, never the object.
 */
public final class StudentException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String type;

    StudentException(String type, String message) {
        super(type + (message == null ? "" : ": " + message));
        this.type = type;
    }

    StudentException(String type, String message, Throwable cause) {
        this(type, message);
        initCause(cause);
    }

    /** The class name of the exception the student's code threw. */
    public String type() {
        return type;
    }
}
