package sockets101.lessons;

import jdk.jshell.JShell;
import sockets101.lessons.agent.QuickAgent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a JShell on the {@code jdi} engine (a separate JVM, so a snippet cannot harm the
 * caller) whose kernel end is {@link QuickAgent}: JShell's own agent with Nagle's algorithm and
 * delayed acknowledgements out of the way, about 10 ms per trivial snippet instead of 200 ms.
 * Falls back to JShell's own agent, with a message, if the quick one cannot be set up.
 */
public final class QuickEngine {
    private static Path agentDir;
    private static boolean agentFailed;

    private QuickEngine() {
    }

    /**
     * Builds the shell {@code builder} describes, its kernel JVM started with {@code vmOptions}.
     *
     * @param builder   a builder with the streams set, and no remote VM options or engine yet
     * @param vmOptions options of the kernel JVM (none may contain a space: the launcher splits at spaces)
     */
    public static JShell build(JShell.Builder builder, List<String> vmOptions) {
        Path agent = agentDir();
        if (agent != null) {
            List<String> options = new ArrayList<>(List.of("-cp", agent.toString()));
            options.addAll(vmOptions);
            try {
                return builder.remoteVMOptions(options.toArray(String[]::new))
                        .executionEngine("jdi:launch(true),remoteAgent(" + QuickAgent.class.getName() + ")").build();
            } catch (IllegalStateException e) {
                System.err.println("[jshell] the quick agent did not start (" + e.getMessage() + "): using JShell's own");
            }
        }
        return builder.remoteVMOptions(vmOptions.toArray(String[]::new)).executionEngine("jdi").build();
    }

    /**
     * A folder holding only {@link QuickAgent}'s classes, the kernel JVM's class path (so that
     * snippets see none of the caller's classes); null if it cannot be made or its path has a space.
     */
    private static synchronized Path agentDir() {
        if (agentDir != null || agentFailed) {
            return agentDir;
        }
        try {
            Path dir = Files.createTempDirectory("sockets101-agent");
            dir.toFile().deleteOnExit();
            String base = QuickAgent.class.getName().replace('.', '/');
            Path folder = dir;
            for (String part : base.substring(0, base.lastIndexOf('/')).split("/")) {
                folder = Files.createDirectory(folder.resolve(part));
                folder.toFile().deleteOnExit(); // deleted in reverse order: files, then folders
            }
            for (String resource : List.of(base + ".class", base + "$QuickAckInput.class")) {
                Path target = dir.resolve(resource);
                try (InputStream in = QuickEngine.class.getClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IOException("no " + resource + " on the class path");
                    }
                    Files.copy(in, target);
                }
                target.toFile().deleteOnExit();
            }
            if (dir.toString().contains(" ")) {
                throw new IOException("the temporary folder " + dir + " has a space in its path");
            }
            agentDir = dir;
        } catch (IOException | RuntimeException e) {
            agentFailed = true;
            System.err.println("[jshell] cannot set up the quick agent (" + e.getMessage() + "): using JShell's own");
        }
        return agentDir;
    }
}
