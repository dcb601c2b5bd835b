// Lesson 02 — a socket's characteristics: domain, type, protocol, host, port.
// Runs as is with: jshell lessons/snippets/02-characteristics.jsh

import java.net.*;
import java.io.*;
import java.nio.channels.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;
import java.util.concurrent.*;

var loopback = InetAddress.getLoopbackAddress();

// Helpers (run before every example, also on the live site):

// Linux keeps its tables of TCP sockets in /proc/net/tcp (AF_INET) and
// /proc/net/tcp6 (AF_INET6). Which table holds the listener on this port, and
// with which local address? Elsewhere (macOS, Windows) there is no such file.
String kernelTable(int port) throws IOException {
    for (var table : List.of("tcp", "tcp6")) {
        var file = Path.of("/proc/net", table);
        if (!Files.isReadable(file)) {
            return "(no " + file + " here: not Linux)";
        }
        for (var line : Files.readAllLines(file)) {
            var local = line.trim().split("\\s+")[1].split(":");     // ADDRESS:PORT in hex
            if (!local[0].matches("\\p{XDigit}+") || Integer.parseInt(local[1], 16) != port) {
                continue;
            }
            var hex = local[0];
            byte[] b = new byte[hex.length() / 2];
            for (int i = 0; i < b.length; i++) {    // 32-bit words, each little-endian
                int word = i / 4, inWord = 3 - i % 4;
                b[i] = (byte) Integer.parseInt(hex.substring(2 * (4 * word + inWord), 2 * (4 * word + inWord) + 2), 16);
            }
            String text;
            if (b.length == 4) {
                text = (b[0] & 255) + "." + (b[1] & 255) + "." + (b[2] & 255) + "." + (b[3] & 255);
            } else if (Arrays.equals(Arrays.copyOf(b, 12), new byte[] {0,0,0,0,0,0,0,0,0,0,-1,-1})) {
                text = "::ffff:" + (b[12] & 255) + "." + (b[13] & 255) + "." + (b[14] & 255) + "." + (b[15] & 255);
            } else {
                text = Inet6Address.getByAddress(null, b, null).getHostAddress();
            }
            return "/proc/net/" + table + " (AF_" + (table.equals("tcp") ? "INET" : "INET6")
                    + "), local address " + text;
        }
    }
    return "(port " + port + " not found in /proc/net/tcp or tcp6)";
}

// The JVM reads java.net.preferIPv4Stack and java.net.preferIPv6Addresses once, when
// it starts. To see their effect, this compiles a tiny program (with the compiler of
// the running JDK) and starts a fresh JVM with each setting. The JVM also gets a
// hosts file of its own (jdk.net.hosts.file) with a name that has an IPv4 and an
// IPv6 address, so the output does not depend on this machine's hosts file.
var DUAL_STACK = """
    import java.net.*;
    import java.util.*;

    public class DualStack {
        public static void main(String[] args) throws Exception {
            System.out.println("  getLoopbackAddress():     "
                    + InetAddress.getLoopbackAddress().getHostAddress());
            System.out.println("  wildcard (port only):     "
                    + new InetSocketAddress(0).getAddress().getHostAddress());
            System.out.println("  getAllByName(both.test):  "
                    + Arrays.stream(InetAddress.getAllByName("both.test"))
                            .map(InetAddress::getHostAddress).toList());
            try (var server = new ServerSocket()) {
                server.bind(new InetSocketAddress("::1", 0));
                System.out.println("  bind ::1:                 ok");
            } catch (Exception e) {
                System.out.println("  bind ::1:                 " + e);
            }
        }
    }
    """;
// Compiles DualStack.java into a fresh directory, with a hosts file beside it.
Path compileDualStack() throws IOException {
    var dir = Files.createTempDirectory("sockets101-");
    var source = Files.writeString(dir.resolve("DualStack.java"), DUAL_STACK);
    Files.writeString(dir.resolve("hosts"), "127.0.0.1 both.test\n::1 both.test\n");
    var javac = javax.tools.ToolProvider.getSystemJavaCompiler();
    if (javac.run(null, null, null, "-d", dir.toString(), source.toString()) != 0) {
        throw new IllegalStateException("DualStack.java did not compile");
    }
    return dir;
}
// Runs DualStack in one fresh JVM per setting (all at once), then removes the directory.
String dualStack(Path dir, List<String> settings) throws Exception {
    var running = new ArrayList<Process>();
    try {
        for (int i = 0; i < settings.size(); i++) {
            var command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djdk.net.hosts.file=" + dir.resolve("hosts"), "-cp", dir.toString()));
            if (!settings.get(i).isEmpty()) {
                command.add(1, settings.get(i));
            }
            command.add("DualStack");
            running.add(new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("output" + i + ".txt").toFile()).start());
        }
        var report = new StringBuilder();
        for (int i = 0; i < settings.size(); i++) {
            boolean ended = running.get(i).waitFor(8, TimeUnit.SECONDS);
            report.append(settings.get(i).isEmpty() ? "(default)" : settings.get(i)).append('\n')
                    .append(ended ? Files.readString(dir.resolve("output" + i + ".txt"))
                                  : "  (no answer within 8 s)\n");
        }
        return report.toString();
    } finally {
        for (var process : running) {
            process.destroyForcibly().waitFor();
        }
        try (var files = Files.list(dir)) {
            for (var file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }
}

// tag::families[]
// The domains (protocol families) Java knows:
System.out.println(Arrays.toString(StandardProtocolFamily.values()));
// end::families[]

// tag::x25[]
// throws: IllegalArgumentException
StandardProtocolFamily.valueOf("X25")
// end::x25[]

// tag::domain-address[]
// A channel of the UNIX domain only takes addresses of its domain (a path).
try (var unix = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
    unix.bind(new InetSocketAddress(loopback, 0));
} catch (UnsupportedAddressTypeException e) {
    System.out.println("UNIX channel, INET address: " + e);
}
// end::domain-address[]

// tag::kernel-domain[]
// java.net picks no domain from the address: on a host with IPv6 it opens AF_INET6
// sockets, and an IPv4 address becomes "v4-mapped" (::ffff:127.0.0.1) inside.
try (var server = new ServerSocket()) {
    server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
    System.out.println("ServerSocket on 127.0.0.1: " + kernelTable(server.getLocalPort()));
}
// A channel can be told its domain (JDK 15+): INET is AF_INET, IPv4 only.
try (var server = ServerSocketChannel.open(StandardProtocolFamily.INET)) {
    server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
    var port = ((InetSocketAddress) server.getLocalAddress()).getPort();
    System.out.println("open(INET) on 127.0.0.1:   " + kernelTable(port));
}
for (var family : List.of("default", "INET")) {
    try (var channel = family.equals("INET")
            ? SocketChannel.open(StandardProtocolFamily.INET) : SocketChannel.open()) {
        channel.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
        System.out.println(family + " channel, bind ::1: ok");
    } catch (IOException | UnsupportedAddressTypeException e) {
        System.out.println(family + " channel, bind ::1: " + e);
    }
}
// Java hides the mapping: a v4-mapped address is handed back as an Inet4Address.
var mapped = InetAddress.getByName("::ffff:127.0.0.1");
System.out.println("::ffff:127.0.0.1 -> " + mapped.getClass().getSimpleName() + " "
        + mapped.getHostAddress());
// end::kernel-domain[]

// tag::stream[]
// A port where nobody listens: bind one, note its number, close it.
int closedPort;
try (var probe = new ServerSocket()) {
    probe.bind(new InetSocketAddress(loopback, 0));
    closedPort = probe.getLocalPort();
}
// SOCK_STREAM (Socket): connect() first; it fails when nobody is there.
try (var socket = new Socket()) {
    socket.connect(new InetSocketAddress(loopback, closedPort), 5000);
} catch (ConnectException e) {
    System.out.println("TCP connect: " + e.getMessage());
}
// end::stream[]

// tag::dgram[]
// SOCK_DGRAM (DatagramSocket): no connection; send() cannot know who listens.
try (var socket = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
    byte[] data = "hola".getBytes(StandardCharsets.UTF_8);
    var target = new InetSocketAddress(loopback, closedPort);
    socket.send(new DatagramPacket(data, data.length, target));
    System.out.println("UDP send: " + data.length + " bytes sent, no error");
}
// end::dgram[]

// tag::unix-dgram[]
// throws: UnsupportedOperationException
DatagramChannel.open(StandardProtocolFamily.UNIX)
// end::unix-dgram[]

// tag::protocol[]
// Every way to open a channel: a family at most, never a protocol number.
for (var type : List.of(SocketChannel.class, ServerSocketChannel.class,
                        DatagramChannel.class)) {
    var opens = new TreeSet<String>();
    for (var m : type.getMethods()) {
        if (m.getName().equals("open")) {
            var params = Arrays.stream(m.getParameterTypes())
                    .map(Class::getSimpleName);
            opens.add("open(" + String.join(", ", params.toList()) + ")");
        }
    }
    System.out.println(type.getSimpleName() + ": " + opens);
}
// end::protocol[]

// tag::sctp[]
// A protocol that is neither TCP nor UDP gets classes of its own: SCTP lives in the
// module jdk.sctp, and works only where the system has SCTP (on Linux, libsctp).
try (var sctp = com.sun.nio.sctp.SctpChannel.open()) {
    System.out.println("SCTP channel opened: " + sctp);
} catch (UnsupportedOperationException | IOException e) {
    System.out.println("SCTP: " + e);
}
// end::sctp[]

// tag::host[]
for (var text : List.of("127.0.0.1", "::1", "255.255.255.255")) {
    var address = InetAddress.getByName(text); // a literal: parsed, no lookup
    System.out.printf("%-16s -> %-13s %-16s loopback=%s%n", text,
            address.getClass().getSimpleName(), address.getHostAddress(),
            address.isLoopbackAddress());
}
// end::host[]

// tag::localhost[]
// What "localhost" means is up to this machine (its hosts file), not up to Java.
System.out.println(Arrays.toString(InetAddress.getAllByName("localhost")));
// end::localhost[]

// tag::loopback-v6[]
// Whether this machine has ::1 is up to its loopback interface; whether "localhost"
// names it is up to its hosts file. The two can disagree.
var v6Loopback = InetAddress.getByName("::1");
var loInterface = NetworkInterface.getByInetAddress(InetAddress.getByName("127.0.0.1"));
List<InetAddress> onInterface = (loInterface == null ? List.of()
        : loInterface.inetAddresses().toList());
System.out.println("loopback interface: " + onInterface.stream()
        .map(InetAddress::getHostAddress).toList());
System.out.println("::1 on the loopback interface: " + onInterface.contains(v6Loopback));
System.out.println("\"localhost\" resolves to ::1:   "
        + List.of(InetAddress.getAllByName("localhost")).contains(v6Loopback));
// end::loopback-v6[]

// tag::dual-stack[]
// One fresh JVM per setting: the properties are read once, at start-up.
System.out.print(dualStack(compileDualStack(), List.of("",
        "-Djava.net.preferIPv6Addresses=true", "-Djava.net.preferIPv4Stack=true")));
// end::dual-stack[]

// tag::v4-v6[]
// A server on 127.0.0.1 (IPv4) is not reachable at ::1 (IPv6),
// even though both are "this machine".
try (var server = new ServerSocket()) {
    server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
    for (var host : List.of("127.0.0.1", "::1")) {
        try (var client = new Socket()) {
            var target = new InetSocketAddress(host, server.getLocalPort());
            client.connect(target, 5000);
            System.out.println(host + ": connected");
        } catch (IOException e) {
            System.out.println(host + ": " + e.getMessage());
        }
    }
}
// end::v4-v6[]

// tag::broadcast-option[]
// Sending to a broadcast address needs SO_BROADCAST; the two UDP classes differ.
try (var socket = new DatagramSocket(null); var channel = DatagramChannel.open()) {
    System.out.println("SO_BROADCAST: DatagramSocket " + socket.getBroadcast()
            + ", DatagramChannel " + channel.getOption(StandardSocketOptions.SO_BROADCAST));
}
// end::broadcast-option[]

// tag::broadcast[]
// A directed broadcast to the loopback network 127.0.0.0/8: its broadcast address is
// 127.255.255.255, so nothing leaves the machine. Two receivers share the port.
var hello = "hola".getBytes(StandardCharsets.UTF_8);
var broadcast = InetAddress.getByName("127.255.255.255");
try (var first = new DatagramSocket(null); var second = new DatagramSocket(null);
     var sender = DatagramChannel.open().bind(new InetSocketAddress(loopback, 0))) {
    for (var receiver : List.of(first, second)) {
        receiver.setReuseAddress(true);             // both bind the same port
        receiver.setSoTimeout(2000);
    }
    first.bind(new InetSocketAddress(broadcast, 0));
    second.bind(first.getLocalSocketAddress());
    var target = first.getLocalSocketAddress();
    try {
        sender.send(java.nio.ByteBuffer.wrap(hello), target);   // SO_BROADCAST off
    } catch (IOException e) {
        System.out.println("without SO_BROADCAST: " + e);
    }
    sender.setOption(StandardSocketOptions.SO_BROADCAST, true);
    sender.send(java.nio.ByteBuffer.wrap(hello), target);       // one datagram...
    for (var receiver : List.of(first, second)) {               // ...both get it
        var packet = new DatagramPacket(new byte[1500], 1500);
        receiver.receive(packet);
        System.out.println("receiver on " + receiver.getLocalSocketAddress()
                + " got \"" + new String(packet.getData(), 0, packet.getLength(),
                        StandardCharsets.UTF_8) + "\" from " + packet.getSocketAddress());
    }
} catch (IOException e) {
    System.out.println("no broadcast on this system's loopback interface: " + e);
}
// end::broadcast[]

// tag::multicast[]
// Multicast: a datagram sent to a group reaches every socket that joined it, here
// on the loopback interface only. IPv4 group 239.1.2.3, IPv6 group ff11::1:2:3.
var loopbackInterface = NetworkInterface.getByInetAddress(loopback);
void multicast(String groupText) {
    try {
        var group = InetAddress.getByName(groupText);
        // Members bind a port on the wildcard address (binding the group's address
        // works on some systems only); both share the port (SO_REUSEADDR, on by default).
        try (var member1 = new MulticastSocket(0);
             var member2 = new MulticastSocket(member1.getLocalPort());
             var sender = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
            for (var member : List.of(member1, member2)) {
                member.setSoTimeout(2000);
                member.joinGroup(new InetSocketAddress(group, 0), loopbackInterface);
            }
            sender.setOption(StandardSocketOptions.IP_MULTICAST_IF, loopbackInterface);
            byte[] data = "hola".getBytes(StandardCharsets.UTF_8);
            sender.send(new DatagramPacket(data, data.length,
                    new InetSocketAddress(group, member1.getLocalPort())));
            for (var member : List.of(member1, member2)) {
                var packet = new DatagramPacket(new byte[1500], 1500);
                member.receive(packet);
                System.out.println(groupText + ": a member got \""
                        + new String(packet.getData(), 0, packet.getLength(),
                                StandardCharsets.UTF_8) + "\" from " + packet.getSocketAddress());
            }
        }
    } catch (SocketTimeoutException e) {
        System.out.println(groupText + ": sent, but nothing came back within 2 s "
                + "(multicast is not looped back on this interface)");
    } catch (IOException e) {
        System.out.println(groupText + ": not routable on this system's loopback interface: "
                + e.getMessage());
    }
}
multicast("239.1.2.3");
multicast("ff11::1:2:3");
// end::multicast[]

// tag::port-range[]
// throws: IllegalArgumentException
new InetSocketAddress(loopback, 65536)
// end::port-range[]

// tag::port-zero[]
try (var a = new ServerSocket(); var b = new ServerSocket()) {
    a.bind(new InetSocketAddress(loopback, 0));
    b.bind(new InetSocketAddress(loopback, 0));
    System.out.println("port 0 twice: " + a.getLocalPort() + " and "
            + b.getLocalPort()
            + ", different: " + (a.getLocalPort() != b.getLocalPort()));
}
// end::port-zero[]

// tag::port-tcp-udp[]
// TCP and UDP count their ports apart: one service can listen on port N of both
// (as DNS does on 53).
try (var tcp = new ServerSocket()) {
    tcp.bind(new InetSocketAddress(loopback, 0));
    var port = tcp.getLocalPort();
    try (var udp = new DatagramSocket(new InetSocketAddress(loopback, port))) {
        System.out.println("TCP port " + port + ", UDP port " + udp.getLocalPort());
    }
}
// end::port-tcp-udp[]

// tag::four-tuple[]
// Two clients of one server: every accepted socket has the server's own port as its
// local port. The connections differ only in the client's (remote) port.
try (var server = new ServerSocket()) {
    server.bind(new InetSocketAddress(loopback, 0));
    server.setSoTimeout(5000);
    System.out.println("listening on   " + server.getLocalSocketAddress());
    try (var a = new Socket(); var b = new Socket()) {
        a.connect(server.getLocalSocketAddress(), 5000);
        b.connect(server.getLocalSocketAddress(), 5000);
        for (int i = 0; i < 2; i++) {
            try (var peer = server.accept()) {
                System.out.println("accepted: local " + peer.getLocalSocketAddress()
                        + ", remote " + peer.getRemoteSocketAddress());
            }
        }
    }
}
// end::four-tuple[]

// tag::services[]
// The system's list of well-known ports (Java has no getservbyname).
var services = Path.of("/etc/services");
if (Files.isReadable(services)) {
    for (var name : List.of("domain", "ssh", "ftp", "http", "https")) {
        Files.readAllLines(services, StandardCharsets.UTF_8).stream()
                .filter(line -> line.matches(name + "\\s+\\d+/tcp.*"))
                .findFirst()
                .map(line -> line.split("#")[0].strip().replaceAll("\\s+", " "))
                .ifPresent(System.out::println);
    }
} else {
    System.out.println("no /etc/services on this system");
}
// end::services[]

// tag::privileged[]
// Linux: ports below this number need root (or CAP_NET_BIND_SERVICE).
var limit = Path.of("/proc/sys/net/ipv4/ip_unprivileged_port_start");
System.out.println(Files.isReadable(limit)
        ? "ip_unprivileged_port_start = " + Files.readAllLines(limit).get(0)
        : "not Linux: no " + limit);
// end::privileged[]
/exit
