package sockets101.lessons.agent;

import jdk.jshell.execution.RemoteExecutionControl;
import jdk.jshell.execution.Util;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The kernel JVM's end of JShell's {@code jdi} engine: the JDK's own agent
 * ({@link RemoteExecutionControl}), with its socket made quick. The host writes each command in
 * several small pieces on a socket without {@code TCP_NODELAY}, so Nagle's algorithm holds every
 * piece after the first until this end acknowledges, and Linux delays that acknowledgement up to
 * 40 ms: about 200 ms per snippet. Acknowledging at once ({@code TCP_QUICKACK} after each read) and
 * sending at once ({@code TCP_NODELAY}) brings a trivial snippet to about 20 ms. Runs in the kernel
 * JVM, on its own class path (see {@code QuickEngine}); {@code invoke} and {@code varValue} are
 * overridden so that {@code JShell.stop()} finds their frames in this class.
 */
public class QuickAgent extends RemoteExecutionControl {
    /** Connects to the JShell host on the port given, then serves its commands until it goes. */
    public static void main(String[] args) throws Exception {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0]));
        socket.setTcpNoDelay(true);
        Map<String, Consumer<OutputStream>> outputs = new HashMap<>();
        outputs.put("out", st -> System.setOut(new PrintStream(st, true, StandardCharsets.UTF_8)));
        outputs.put("err", st -> System.setErr(new PrintStream(st, true, StandardCharsets.UTF_8)));
        Map<String, Consumer<InputStream>> input = new HashMap<>();
        input.put("in", System::setIn);
        Util.forwardExecutionControlAndIO(new QuickAgent(), new QuickAckInput(socket), socket.getOutputStream(),
                outputs, input);
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        return super.invoke(doitMethod);
    }

    @Override
    public String varValue(String className, String varName)
            throws RunException, EngineTerminationException, InternalException {
        return super.varValue(className, varName);
    }

    /** Asks for an immediate acknowledgement after every read (Linux turns quick-ack off again by itself). */
    static final class QuickAckInput extends FilterInputStream {
        private final Socket socket;
        private boolean supported = true;

        QuickAckInput(Socket socket) throws IOException {
            super(socket.getInputStream());
            this.socket = socket;
        }

        private void ack() {
            if (supported) {
                try {
                    socket.setOption(jdk.net.ExtendedSocketOptions.TCP_QUICKACK, true);
                } catch (IOException | UnsupportedOperationException e) {
                    supported = false; // not Linux: Nagle and delayed ACKs cost time, nothing else
                }
            }
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            ack();
            return b;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int n = super.read(bytes, offset, length);
            ack();
            return n;
        }
    }
}
