package sockets101.lessons;

/**
 * What running one snippet gave: its output (stdout, stderr, and the value of an expression or
 * the exception it was expected to throw, as {@code jshell} shows them), and a failure reason
 * when it did not run as the lesson says, else {@code null}.
 */
public record Result(Snippet snippet, String output, String failure) {
    /** True when the snippet ran as the lesson says. */
    public boolean ok() {
        return failure == null;
    }
}
