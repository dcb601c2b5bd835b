package sockets101.site.live;

import sockets101.lessons.agent.QuickAgent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * How this machine starts a kernel JVM, and the limits it holds it to. Found once per server
 * process by trying what the OS offers, best first:
 *
 * <ul>
 * <li>Linux: the JVM is started by a launcher script as {@code unshare --pid --fork --kill-child
 * --mount-proc} (as root) or {@code unshare --user --map-root-user --pid ...} (as anyone else,
 * where user namespaces are allowed): it is PID 1 of a PID namespace of its own, so every process
 * a cell starts, {@code setsid} or not, ends when it ends, and the server's and the other
 * kernels' processes are invisible to it. {@code prlimit} caps its address space, open files,
 * file size and (outside root, where Linux counts it per user namespace) processes; as root,
 * where {@code RLIMIT_NPROC} does not apply, a {@code pids} cgroup of its own caps its processes
 * and threads.</li>
 * <li>Anywhere else, or where none of that works: the JVM is started directly, bounded by its own
 * flags only, and a kernel's descendants are killed with it (one that left with {@code setsid}
 * and a double fork is no longer a descendant, and survives).</li>
 * </ul>
 */
final class KernelJvm {
    /** Address space of a kernel JVM: a JShell kernel with the lessons' libraries starts in about 800 MiB. */
    static final long ADDRESS_SPACE = 1024L << 20;
    /** Open files of a kernel (its jars, sockets, files). */
    static final int OPEN_FILES = 512;
    /** Largest file a kernel may write. */
    static final long FILE_SIZE = 64L << 20;
    /** Processes and threads of a kernel, its JVM's own threads included. */
    static final int TASKS = 256;
    /** Flags that bound what {@code -Xmx} leaves out, and keep the JVM startable under the address-space cap. */
    static final List<String> FLAGS = List.of("-Xmx256m", "-XX:MaxDirectMemorySize=128m", "-XX:MaxMetaspaceSize=128m",
            "-XX:CompressedClassSpaceSize=64m", "-XX:ReservedCodeCacheSize=48m", "-Xss1m",
            "-XX:+DisableAttachMechanism", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto");

    /** What the kernels get here; {@code how} says it in a line for the console and the tests. */
    record Isolation(String namespace, boolean prlimit, Path pidsCgroup, String how) {
        /** Every process a kernel started ends with it (a PID namespace). */
        boolean endsProcesses() {
            return namespace != null;
        }

        /** Its processes and threads are capped (a pids cgroup, or RLIMIT_NPROC in a user namespace). */
        boolean boundsProcesses() {
            return pidsCgroup != null || (prlimit && "user+pid".equals(namespace));
        }

        @Override
        public String toString() {
            return how;
        }
    }

    private static final boolean LINUX = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux");
    private static Isolation isolation;
    private static Path home;
    private static Path agent;

    private KernelJvm() {
    }

    /** The isolation kernels get on this machine (found on the first call: a JVM or two start). */
    static synchronized Isolation isolation() {
        if (isolation == null) {
            probe();
        }
        return isolation;
    }

    /**
     * The folder to give JDI's launching connector as the kernel's {@code home}: its
     * {@code bin/java} is the launcher script (Linux, isolated) or the JDK's own {@code java}.
     */
    static synchronized Path home() {
        isolation();
        return home;
    }

    /** The folder holding only {@link QuickAgent}'s classes: the kernel JVM's class path. */
    static synchronized Path agent() {
        if (agent == null) {
            agent = copyAgent();
        }
        return agent;
    }

    /** The pids cgroup of the kernel whose launcher had process id {@code pid}, or null. */
    static Path cgroup(long pid) {
        Path base = isolation().pidsCgroup();
        return base == null ? null : base.resolve("sockets101-kernel-" + pid);
    }

    /** Removes a kernel's cgroup once its last process has gone, trying for up to {@code nanos}. */
    static void removeCgroup(Path cgroup, long nanos) {
        long deadline = System.nanoTime() + nanos;
        while (Files.exists(cgroup)) {
            try {
                Files.delete(cgroup); // refused while a process is still in it
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    System.err.println("[live] could not remove " + cgroup + ": " + e.getMessage());
                    return;
                }
                try {
                    TimeUnit.MILLISECONDS.sleep(50); // the namespace's processes are still being reaped
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Removes the cgroups of kernels whose launcher is gone (a server that was killed); the others are in use. */
    private static void removeStaleCgroups(Path base) {
        try (var dirs = Files.newDirectoryStream(base, "sockets101-kernel-*")) {
            for (Path dir : dirs) {
                String pid = dir.getFileName().toString().substring("sockets101-kernel-".length());
                if (pid.matches("\\d+") && ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
                    removeCgroup(dir, 0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // nothing to tidy, or not allowed to
        }
    }

    private static void probe() {
        Path javaHome = Path.of(System.getProperty("java.home"));
        home = javaHome;
        if (!LINUX) {
            isolation = new Isolation(null, false, null, "no process isolation on " + System.getProperty("os.name")
                    + ": heap, direct memory, metaspace and code cache capped by JVM flags");
            return;
        }
        boolean prlimit = works(List.of("prlimit", "--nofile=" + OPEN_FILES, "true"), null);
        Path cgroup = pidsCgroup();
        boolean root = effectiveUid() == 0;
        List<String[]> namespaces = List.of(new String[] {"pid", "unshare --pid --fork --kill-child --mount-proc"},
                new String[] {"user+pid", "unshare --user --map-root-user --pid --fork --kill-child --mount-proc"});
        for (String[] namespace : namespaces) {
            if (root && namespace[0].equals("user+pid")) {
                continue; // as root a user namespace adds nothing: RLIMIT_NPROC still does not apply
            }
            Path script = script(namespace[1], prlimit, cgroup, root);
            if (script != null && works(List.of(script.toString(), "-version"), cgroup)) {
                isolation = new Isolation(namespace[0], prlimit, cgroup, describe(namespace[0], prlimit, cgroup, root));
                home = script.getParent().getParent();
                return;
            }
        }
        Path script = prlimit ? script(null, true, null, root) : null;
        if (script != null && works(List.of(script.toString(), "-version"), null)) {
            home = script.getParent().getParent();
        } else {
            prlimit = false;
        }
        isolation = new Isolation(null, prlimit, null, describe(null, prlimit, null, root));
    }

    private static String describe(String namespace, boolean prlimit, Path cgroup, boolean root) {
        List<String> parts = new ArrayList<>();
        parts.add(namespace == null ? "no PID namespace (processes that leave with setsid survive their kernel)"
                : namespace + " namespace per kernel");
        if (namespace != null && root) {
            parts.add("every capability dropped (setpriv), cgroup files hidden: a cell cannot lift its limits");
        }
        if (prlimit) {
            parts.add("prlimit: address space " + (ADDRESS_SPACE >> 20) + " MiB, " + OPEN_FILES + " open files, files up to "
                    + (FILE_SIZE >> 20) + " MiB" + (root ? "" : ", " + TASKS + " processes"));
        } else {
            parts.add("no prlimit: native memory not capped");
        }
        if (cgroup != null) {
            parts.add("pids cgroup: " + TASKS + " processes and threads");
        } else if (root) {
            parts.add("no pids cgroup: processes not capped (Linux does not apply RLIMIT_NPROC to root)");
        }
        return String.join("; ", parts);
    }

    /** This process's effective user id (Linux: from {@code /proc/self/status}), or -1 if unknown. */
    private static long effectiveUid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("Uid:")) {
                    return Long.parseLong(line.substring(4).strip().split("\\s+")[1]); // real, effective, ...
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or no /proc
        }
        return -1;
    }

    /** A pids cgroup folder the server may make kernels' cgroups in (root, cgroup v1 or v2), or null. */
    private static Path pidsCgroup() {
        for (Path base : List.of(Path.of("/sys/fs/cgroup/pids"), Path.of("/sys/fs/cgroup"))) {
            Path probe = base.resolve("sockets101-probe-" + ProcessHandle.current().pid());
            try {
                if (!Files.isWritable(base)) {
                    continue;
                }
                Files.createDirectory(probe);
                boolean ok = Files.exists(probe.resolve("pids.max"));
                Files.delete(probe);
                if (ok) {
                    removeStaleCgroups(base);
                    return base;
                }
            } catch (IOException | RuntimeException e) {
                // not this one
            }
        }
        return null;
    }

    /** Writes the launcher script, {@code HOME/bin/java}; null if it cannot be made. */
    private static Path script(String unshare, boolean prlimit, Path cgroup, boolean root) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        StringBuilder sh = new StringBuilder("""
                #!/bin/sh
                # The live server's kernel launcher, made by sockets101.site.live.KernelJvm: a kernel JVM
                # with its limits. Fewer, larger malloc arenas keep glibc inside the address-space cap.
                export MALLOC_ARENA_MAX=2
                """);
        if (cgroup != null) {
            sh.append("cg='").append(cgroup).append("/sockets101-kernel-'$$\n")
                    .append("mkdir \"$cg\" && echo ").append(TASKS).append(" > \"$cg/pids.max\" && echo $$ > \"$cg/cgroup.procs\"\n");
        }
        sh.append("exec");
        if (unshare != null) {
            sh.append(' ').append(unshare);
        }
        if (unshare != null && root) {
            // Inside the namespaces, before the JVM: hide the cgroup files (pids.max) and drop every capability,
            // so that a cell, root as the server is, can neither raise its limits nor lift its cgroup's cap.
            sh.append(" sh -c 'mount -t tmpfs -o ro,size=4k sockets101 /sys/fs/cgroup 2>/dev/null;"
                    + " exec setpriv --inh-caps=-all --bounding-set=-all --no-new-privs");
        }
        if (prlimit) {
            sh.append(" prlimit --as=").append(ADDRESS_SPACE).append(" --nofile=").append(OPEN_FILES)
                    .append(" --fsize=").append(FILE_SIZE);
            if (!root) {
                sh.append(" --nproc=").append(TASKS);
            }
        }
        if (unshare != null && root) {
            sh.append(" \"$0\" \"$@\"'");
        }
        sh.append(" '").append(java).append("' \"$@\"\n");
        try {
            Path dir = Files.createTempDirectory("sockets101-kernel-home");
            dir.toFile().deleteOnExit(); // deleted in reverse order: the script, its folder, then this
            Path bin = Files.createDirectory(dir.resolve("bin"));
            bin.toFile().deleteOnExit();
            Path script = bin.resolve("java");
            Files.writeString(script, sh, StandardCharsets.UTF_8);
            script.toFile().deleteOnExit();
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
            if (dir.toString().contains(" ") || java.toString().contains("'")) {
                return null; // JDI splits the command at spaces
            }
            return script;
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /**
     * Runs {@code command} and says whether it exited 0 within 20 s (a JVM starting on a loaded
     * machine); the cgroup the launcher made under {@code cgroup}, if any, is removed.
     */
    private static boolean works(List<String> command, Path cgroup) {
        List<String> full = new ArrayList<>(command);
        if (command.get(command.size() - 1).equals("-version")) {
            full.addAll(full.size() - 1, FLAGS);
        }
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            boolean exited = process.waitFor(20, TimeUnit.SECONDS);
            if (!exited) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            if (cgroup != null) {
                removeCgroup(cgroup.resolve("sockets101-kernel-" + process.pid()), TimeUnit.SECONDS.toNanos(5));
            }
            return exited && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Path copyAgent() {
        try {
            Path dir = Files.createTempDirectory("sockets101-kernel-agent");
            dir.toFile().deleteOnExit();
            String base = QuickAgent.class.getName().replace('.', '/');
            Path folder = dir;
            for (String part : base.substring(0, base.lastIndexOf('/')).split("/")) {
                folder = Files.createDirectory(folder.resolve(part));
                folder.toFile().deleteOnExit(); // deleted in reverse order: files, then folders
            }
            for (String resource : List.of(base + ".class", base + "$QuickAckInput.class")) {
                Path target = dir.resolve(resource);
                try (InputStream in = KernelJvm.class.getClassLoader().getResourceAsStream(resource)) {
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
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up the kernel agent", e);
        }
    }
}
