// Lesson 04 — the server side: bind, listen, accept.
// Runs as is with: jshell lessons/snippets/04-server.jsh

import java.net.*;
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;

// tag::unbound[]
var server = new ServerSocket();
server.isBound()
// end::unbound[]

// tag::bind[]
server.setReuseAddress(true);
server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
System.out.println("bound to " + server.getLocalSocketAddress());
server.getLocalPort() > 0
// end::bind[]

// tag::bind-taken[]
var port = server.getLocalPort();
var second = new ServerSocket();
// throws: java.net.BindException
second.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
// end::bind-taken[]
second.close();

// tag::bind-constructor[]
try (var everywhere = new ServerSocket(0)) {
    int p = everywhere.getLocalPort();
    System.out.println("new ServerSocket(0) listens on " + everywhere.getLocalSocketAddress());
    // Java prints the IPv4 wildcard, but on a dual-stack host the socket is IPv6, [::]: IPv6 clients get in too.
    try (var v6 = new Socket()) {
        v6.connect(new InetSocketAddress(InetAddress.getByName("::1"), p), 1000);
        System.out.println("a client at ::1 (IPv6 loopback) connected too");
    } catch (IOException e) {
        System.out.println("a client at ::1: " + e.getMessage() + " (no IPv6 loopback on this host)");
    }
    Path tcp6 = Path.of("/proc/net/tcp6");            // Linux lists its IPv6 TCP sockets here
    if (Files.isReadable(tcp6)) {
        String wildcard = "00000000000000000000000000000000:" + String.format("%04X", p);
        System.out.println("Linux lists it among IPv6 sockets, as [::]: " + Files.readString(tcp6).contains(wildcard));
    }
}
// end::bind-constructor[]

server.close();

// tag::reuse-default[]
// What a new socket starts with, before any setReuseAddress call:
try (var tcp = new ServerSocket(); var udp = new DatagramSocket(null)) {
    System.out.println(System.getProperty("os.name") + ", JDK " + Runtime.version().feature() + ":");
    System.out.println("new ServerSocket():       SO_REUSEADDR " + tcp.getReuseAddress());
    System.out.println("new DatagramSocket(null): SO_REUSEADDR " + udp.getReuseAddress());
}
// end::reuse-default[]

// tag::time-wait[]
var loopback = InetAddress.getLoopbackAddress();
int used;
try (var first = new ServerSocket()) {
    first.bind(new InetSocketAddress(loopback, 0));
    used = first.getLocalPort();
    try (var client = new Socket(loopback, used); var conn = first.accept()) {
        conn.close();  // the server's side closes first: that end goes to TIME_WAIT
        System.out.println("the client sees the close: read() = " + client.getInputStream().read());
    }
}
// The server restarts on the same port, with and without SO_REUSEADDR:
for (boolean reuse : new boolean[] {false, true}) {
    try (var again = new ServerSocket()) {
        again.setReuseAddress(reuse);
        again.bind(new InetSocketAddress(loopback, used));
        System.out.println("SO_REUSEADDR " + reuse + ": bound again");
    } catch (BindException e) {
        System.out.println("SO_REUSEADDR " + reuse + ": " + e.getMessage());
    }
}
// end::time-wait[]
/exit
