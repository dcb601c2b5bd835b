// Lesson 02 — a socket's characteristics: domain, type, protocol, host, port.
// Runs as is with: jshell lessons/snippets/02-characteristics.jsh

import java.net.*;
import java.io.*;
import java.nio.channels.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;

var loopback = InetAddress.getLoopbackAddress();

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
