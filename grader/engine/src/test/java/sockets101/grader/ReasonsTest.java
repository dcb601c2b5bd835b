package sockets101.grader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(EnglishFeedback.class)
class ReasonsTest {
    @Test
    void aStubSaysNotImplementedYet() {
        assertThat(Reasons.of(new UnsupportedOperationException("TODO Bind.bind: lessons 04-server § bind")))
                .isEqualTo("not implemented yet: TODO Bind.bind: lessons 04-server § bind");
    }

    @Test
    void aStubFoundInsideAnAssertionSaysNotImplementedYetToo() {
        AssertionError thrownBy = new AssertionError("""
                [binding 127.0.0.1:4000: the BindException must reach the caller]\s
                Expecting actual throwable to be an instance of:
                  java.net.BindException
                but was:
                  java.lang.UnsupportedOperationException: TODO Bind.bind: lessons 04-server § bind
                \tat sockets101.server.Bind.bind(Bind.java:34)
                """);
        assertThat(Reasons.of(thrownBy)).isEqualTo("not implemented yet: TODO Bind.bind: lessons 04-server § bind");
    }

    @Test
    void anAssertionStartsWithWhatWasExpectedAndLeavesStackFramesOut() {
        String reason = Reasons.of(new AssertionError("""
                [the socket's local address: 127.0.0.1 was asked for]\s
                expected: localhost/127.0.0.1
                 but was: 0.0.0.0/0.0.0.0
                \tat sockets101.server.BindTest.bindsTheGivenAddress(BindTest.java:38)
                \t...(18 remaining lines not displayed - this can be changed with Assertions.setMaxStackTraceElementsDisplayed)
                """));
        assertThat(reason.lines()).containsExactly("the socket's local address: 127.0.0.1 was asked for",
                "expected: localhost/127.0.0.1", " but was: 0.0.0.0/0.0.0.0");
    }

    @Test
    void aLineThatOnlyStartsWithAtIsKept() {
        assertThat(Reasons.of(new AssertionError("at least 2 clients\nat most 3"))).isEqualTo("at least 2 clients\nat most 3");
    }

    @Test
    void anExceptionNamesItsTypeAndCause() {
        String reason = Reasons.of(new IOException("could not bind", new java.net.BindException("Address already in use")));
        assertThat(reason).startsWith("IOException: could not bind").contains("cause: java.net.BindException: Address already in use");
    }

    @Test
    void anExceptionWithoutMessageIsItsQualifiedName() {
        assertThat(Reasons.of(new IllegalStateException())).isEqualTo("java.lang.IllegalStateException");
    }

    @Test
    void hostileFailuresGetAPlainExplanation() {
        assertThat(Reasons.of(new StackOverflowError())).contains("endless recursion");
        assertThat(Reasons.of(new ExceptionInInitializerError(new NumberFormatException("For input string: \"x\""))))
                .startsWith("the class's static initializer threw NumberFormatException");
        assertThat(Reasons.of(new NoClassDefFoundError("Could not initialize class sockets101.server.Bind")))
                .contains("sockets101.server.Bind could not be initialized");
        assertThat(Reasons.of(new TimeoutException("bind() timed out after 5 seconds")))
                .startsWith("timed out: bind() timed out after 5 seconds").contains("endless loop");
        assertThat(Reasons.of(new OutOfMemoryError("Java heap space"))).startsWith("OutOfMemoryError: Java heap space");
    }

    @Test
    void spanishToo() {
        System.setProperty(Lang.PROPERTY, "es");
        assertThat(Reasons.of(new UnsupportedOperationException("TODO X.y: lessons 01 § z"))).startsWith("sin implementar todavía: TODO");
        assertThat(Reasons.of(new StackOverflowError())).contains("recursión sin fin");
    }

    @Test
    void longReasonsAreCutAndMarked() {
        String many = IntStream.range(0, 30).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
        String reason = Reasons.of(new AssertionError(many));
        assertThat(reason.lines()).hasSize(Reasons.MAX_LINES);
        assertThat(reason).endsWith(" …");
        String wide = Reasons.cap("y".repeat(5000));
        assertThat(wide).hasSize(Reasons.MAX_CHARS + 2).endsWith(" …");
        assertThat(Reasons.capOutput("z".repeat(Reasons.MAX_OUTPUT_CHARS + 10))).endsWith("[… cut]");
    }

    @Test
    void whatATerminalWouldActOnIsStripped() {
        String hostile = "ok\u001B[2J\u001B[31mred\u001B]0;title\u0007 \u202Eevil\r\nnext\u0000\tend\u009B";
        assertThat(Reasons.printable(hostile)).isEqualTo("okred evil\nnext\tend");
        assertThat(Reasons.cap(hostile)).isEqualTo("okred evil\nnext\tend");
        assertThat(Reasons.capOutput(hostile)).isEqualTo("okred evil\nnext\tend");
    }
}
