// Lesson 06 — gethostname: what the OS calls this machine, and what resolving that name gives.
// Runs as is with: jshell lessons/snippets/06-general-host.jsh

import java.net.*;
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;
import java.util.concurrent.TimeUnit;

// tag::getlocalhost[]
// Python: socket.gethostname()
InetAddress local = InetAddress.getLocalHost();     // asks the OS for the name, then RESOLVES it
System.out.println("getLocalHost():         " + local);
System.out.println("getHostName():          " + local.getHostName());
System.out.println("getCanonicalHostName(): " + local.getCanonicalHostName());  // reverse lookup of the address
// end::getlocalhost[]

// tag::proc[]
// Linux: the kernel keeps the name in /proc; reading it resolves nothing.
Path proc = Path.of("/proc/sys/kernel/hostname");
System.out.println("/proc/sys/kernel/hostname: " + (Files.isReadable(proc) ? Files.readString(proc).strip() : "(not here)"));
// end::proc[]

// tag::command[]
// Where there is a `hostname` command: run it, bounded by a timeout.
Process p = new ProcessBuilder("hostname").redirectErrorStream(true).start();
if (!p.waitFor(2, TimeUnit.SECONDS)) {
    p.destroyForcibly();
}
System.out.println("hostname command: " + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip()
        + " (exit " + p.exitValue() + ")");
// end::command[]

// tag::env[]
// The HOSTNAME variable of a shell is usually not exported: Java does not see it.
System.out.println("System.getenv(\"HOSTNAME\"): " + System.getenv("HOSTNAME"));
// end::env[]

// tag::resolve[]
// Resolving a name: every address, or UnknownHostException.
System.out.println(Arrays.toString(InetAddress.getAllByName("localhost")));
System.out.println(Arrays.toString(InetAddress.getAllByName(Files.readString(proc).strip())));
// throws: java.net.UnknownHostException
InetAddress.getAllByName("no-such-host.invalid");
// end::resolve[]

/exit
