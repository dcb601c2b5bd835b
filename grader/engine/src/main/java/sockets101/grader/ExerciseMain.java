package sockets101.grader;

import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;

import java.nio.file.Path;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * The main class of one graded JVM: runs one exercise's trusted tests against the submission
 * and logs each result as it comes. Nothing of the submission configures the run: engines and
 * listeners are named here, implicit configuration ({@code junit-platform.properties}) and
 * extension auto-detection are off. Usage: {@code ExerciseMain TEST_CLASS EVENTS_FILE}.
 */
public final class ExerciseMain {
    private ExerciseMain() {
    }

    public static void main(String[] args) throws Exception {
        String testClass = args[0];
        Path events = Path.of(args[1]);
        int status = 0;
        try (EventStream stream = new EventStream(events)) {
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
                    .selectors(selectClass(testClass))
                    .enableImplicitConfigurationParameters(false)
                    .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                    .configurationParameter("junit.jupiter.execution.timeout.mode", "enabled")
                    .configurationParameter("junit.jupiter.execution.timeout.default", "10 s")
                    .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                    .build());
        } catch (Throwable e) {
            e.printStackTrace();
            status = 3;
        }
        System.out.flush();
        System.err.flush();
        // halt, not exit: threads the submission left running must not keep this JVM alive.
        Runtime.getRuntime().halt(status);
    }
}
