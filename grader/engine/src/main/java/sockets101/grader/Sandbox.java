package sockets101.grader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * How the processes that run submission code are started, with what the OS offers:
 * <ul>
 *   <li>Linux: a PID namespace of their own ({@code unshare --pid --fork --kill-child}, as root,
 *       or inside a user namespace otherwise), so that ending its first process ends every
 *       process the submission started, {@code setsid} or not, and the grader's own processes
 *       cannot be seen or signalled from inside;</li>
 *   <li>{@code --run-as USER} (as root): {@code setpriv} drops to that user, who can write
 *       nothing the grader reads;</li>
 *   <li>{@code prlimit}: address space (native memory too), file size, open files, no core
 *       dumps, and with {@code --run-as} the number of processes.</li>
 * </ul>
 * Where a tool is missing (macOS, Windows, a container without namespaces) the process runs
 * without it, and {@link #notes()} says so.
 */
final class Sandbox {
    /** Address space of a submission JVM: its heap (256 MiB) and everything else it maps. */
    static final long ADDRESS_SPACE = 2L << 30;
    static final long FILE_SIZE = 64L << 20;
    static final int OPEN_FILES = 512;
    static final int PROCESSES = 512;

    private static final Set<String> KEPT_ENV = Set.of("PATH", "TZ", "SYSTEMROOT", "TEMP", "TMP");

    private final RunAs runAs;
    private final List<String> prefix;
    private final List<String> notes;

    private Sandbox(RunAs runAs, List<String> prefix, List<String> notes) {
        this.runAs = runAs;
        this.prefix = prefix;
        this.notes = notes;
    }

    /** What this machine offers, probed once per grading. */
    static Sandbox probe(RunAs runAs, Lang lang) {
        List<String> prefix = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (linux) {
            List<String> pid = List.of("unshare", "--pid", "--fork", "--kill-child", "--mount-proc");
            List<String> userPid = List.of("unshare", "--user", "--pid", "--fork", "--kill-child", "--mount-proc");
            if (root && works(pid)) {
                prefix.addAll(pid);
            } else if (!root && works(userPid)) {
                prefix.addAll(userPid);
            } else {
                notes.add(lang.pick("sin espacio de nombres de PID (unshare): un proceso que el envío lance con setsid podría sobrevivir a la calificación",
                        "no PID namespace (unshare): a process the submission starts with setsid could outlive grading"));
            }
        }
        if (runAs != null) {
            prefix.addAll(runAs.prefix());
        }
        if (linux && works(List.of("prlimit", "--nofile=64"))) {
            prefix.addAll(List.of("prlimit", "--as=" + ADDRESS_SPACE, "--fsize=" + FILE_SIZE, "--nofile=" + OPEN_FILES, "--core=0"));
            if (runAs != null) {
                prefix.add("--nproc=" + PROCESSES);
            }
            prefix.add("--");
        } else {
            notes.add(lang.pick("sin prlimit: la memoria nativa, los archivos y los procesos del envío no tienen límite",
                    "no prlimit: the submission's native memory, files and processes are not bounded"));
        }
        return new Sandbox(runAs, List.copyOf(prefix), List.copyOf(notes));
    }

    private static boolean works(List<String> command) {
        List<String> probe = new ArrayList<>(command);
        probe.add("true");
        try {
            Process p = new ProcessBuilder(probe).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The limitations of this machine, for the report. */
    List<String> notes() {
        return notes;
    }

    /** A process builder for {@code command}, sandboxed, in {@code dir}, with a clean environment. */
    ProcessBuilder builder(List<String> command, Path dir) {
        List<String> full = new ArrayList<>(prefix);
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).directory(dir.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> !KEPT_ENV.contains(k));
        env.put("HOME", dir.toString());
        env.put("LC_ALL", "C.UTF-8");
        // Fewer malloc arenas: a JVM then fits the address-space limit with its threads.
        env.put("MALLOC_ARENA_MAX", "2");
        return builder;
    }

    /** A folder the sandboxed user may write, made by the grader in one of its own. */
    Path privateDir(Path parent, String name) throws IOException {
        Path dir = Files.createDirectory(parent.resolve(name));
        if (runAs != null) {
            runAs.own(dir);
        }
        return dir;
    }

    /**
     * Deletes a folder the sandboxed user could write: as that user, so that the grader never
     * follows a path the submission could have swapped for a link.
     */
    void deletePrivate(Path dir) throws IOException, InterruptedException {
        if (runAs == null) {
            Files2.deleteTree(dir);
            return;
        }
        List<String> command = new ArrayList<>(runAs.prefix());
        command.addAll(List.of("rm", "-rf", "--one-file-system", "--", dir.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
    }
}
