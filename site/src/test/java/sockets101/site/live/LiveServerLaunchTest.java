package sockets101.site.live;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The live server as the run command starts it: its own JVM, which no one (no kernel) can attach to. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LiveServerLaunchTest {
    @TempDir
    Path dir;

    @Test
    void theServingJvmRefusesAttach() throws Exception {
        Path site = Files.createDirectories(dir.resolve("site"));
        Files.writeString(site.resolve("index.html"), "<!DOCTYPE html><title>landing</title>");
        Path snippets = Files.createDirectories(dir.resolve("snippets"));
        Process launcher = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LiveServer.class.getName(), site.toString(),
                "--snippets", snippets.toString(), "--port", "0")
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.contains("?token="));
            assertThat(line).as("the server printed its address").isNotNull();
            ProcessHandle serving = launcher.toHandle().children().findFirst().orElse(launcher.toHandle());
            assertThatThrownBy(() -> com.sun.tools.attach.VirtualMachine.attach(String.valueOf(serving.pid())).detach())
                    .as("attach to the serving JVM (pid " + serving.pid() + ")").isNotNull();
        } finally {
            launcher.toHandle().descendants().forEach(ProcessHandle::destroy);
            launcher.destroy();
            launcher.waitFor(20, TimeUnit.SECONDS);
        }
    }
}
