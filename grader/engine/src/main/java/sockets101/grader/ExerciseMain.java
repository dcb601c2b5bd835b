package sockets101.grader;

import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * The main class of one graded JVM: runs some of one exercise's trusted tests against the
 * submission and logs each result as it comes. Usage: {@code ExerciseMain EVENTS_FILE TEST_ID...},
 * with the log's key as one hex line on standard input.
 *
 * <p>Nothing of the submission configures the run: engines and listeners are named here,
 * implicit configuration ({@code junit-platform.properties}, system properties) and extension
 * auto-detection are off, and every test has a default timeout.
 */
public final class ExerciseMain {
    /** Default timeout of a test that declares none. */
    static final String DEFAULT_TIMEOUT = "10 s";

    private ExerciseMain() {
    }

    public static void main(String[] args) throws Exception {
        // Read before any submission class can run, then close: the key never sits in a static field.
        byte[] key = readKey(System.in);
        System.setIn(InputStream.nullInputStream());
        PrintStream out = System.out;
        Path events = Path.of(args[0]);
        List<DiscoverySelector> tests = Arrays.stream(args, 1, args.length)
                .<DiscoverySelector>map(DiscoverySelectors::selectUniqueId).toList();
        int status = 0;
        try (EventStream stream = new EventStream(events, key)) {
            Arrays.fill(key, (byte) 0);
            Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                    .enableTestEngineAutoRegistration(false)
                    .addTestEngines(new JupiterTestEngine())
                    .enableTestExecutionListenerAutoRegistration(false)
                    .enableLauncherSessionListenerAutoRegistration(false)
                    .enableLauncherDiscoveryListenerAutoRegistration(false)
                    .enablePostDiscoveryFilterAutoRegistration(false)
                    .addTestExecutionListeners(stream)
                    .build());
            launcher.execute(request()
                    .selectors(tests)
                    .enableImplicitConfigurationParameters(false)
                    .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                    .configurationParameter("junit.jupiter.execution.timeout.mode", "enabled")
                    .configurationParameter("junit.jupiter.execution.timeout.default", DEFAULT_TIMEOUT)
                    .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                    .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                    .build());
            leftovers(stream);
        } catch (Throwable e) {
            e.printStackTrace(out);
            status = 3;
        }
        out.flush();
        // halt, not exit: threads the submission left running must not keep this JVM alive,
        // and no shutdown hook of the submission runs.
        Runtime.getRuntime().halt(status);
    }

    private static byte[] readKey(InputStream in) throws IOException {
        byte[] line = in.readNBytes(64);
        String hex = new String(line, StandardCharsets.US_ASCII).strip();
        if (hex.length() != 64) {
            throw new IllegalStateException("ExerciseMain expects the log's key on standard input");
        }
        return HexFormat.of().parseHex(hex);
    }

    /** Notes what the submission left running, and stops the processes it started. */
    private static void leftovers(EventStream stream) {
        try {
            List<String> threads = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.isAlive() && !t.isDaemon() && t != Thread.currentThread())
                    .map(t -> "'" + t.getName() + "'").sorted().toList();
            if (!threads.isEmpty()) {
                stream.note(Lang.say("el envío dejó " + threads.size() + " hilo(s) no daemon en marcha "
                                + threads + "; se detuvieron al terminar las pruebas",
                        "the submission left " + threads.size() + " non-daemon thread(s) running "
                                + threads + "; they were stopped when the tests ended"));
            }
            List<ProcessHandle> processes = ProcessHandle.current().descendants().toList();
            if (!processes.isEmpty()) {
                processes.forEach(ProcessHandle::destroyForcibly);
                stream.note(Lang.say("el envío dejó " + processes.size() + " proceso(s) en marcha; se mataron",
                        "the submission left " + processes.size() + " process(es) running; they were killed"));
            }
        } catch (RuntimeException e) {
            stream.note(e.toString());
        }
    }
}
