// Lesson 05 — the client side: connect.
// Runs as is with: jshell lessons/snippets/05-client.jsh

import java.net.*;
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.util.*;

var loopback = InetAddress.getLoopbackAddress();

// A server to talk to: it greets each client with one line, on its own thread.
var server = new ServerSocket();
server.bind(new InetSocketAddress(loopback, 0));
server.setSoTimeout(2000);
Thread greetOne() {
    var t = new Thread(() -> {
        try (var conn = server.accept()) {
            conn.getOutputStream().write("hello from the server\n".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            e.printStackTrace();
        }
    });
    t.start();
    return t;
}
int port = server.getLocalPort();

// tag::connect[]
// Python: s = socket.socket(socket.AF_INET, socket.SOCK_STREAM); s.connect(("127.0.0.1", port))
var greeter = greetOne();
try (var s = new Socket()) {
    s.connect(new InetSocketAddress("127.0.0.1", port), 1000); // at most 1 s to connect
    s.setSoTimeout(1000);                                     // at most 1 s per read
    var in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
    System.out.println("connected: " + s.isConnected() + ", server says: " + in.readLine());
    System.out.println("my port was chosen by the system: " + (s.getLocalPort() > 0));
}
greeter.join();
// end::connect[]

// tag::connect-refused[]
// Nobody listens on this port any more: the system answers at once with a refusal.
int closedPort;
try (var gone = new ServerSocket()) {
    gone.bind(new InetSocketAddress(loopback, 0));
    closedPort = gone.getLocalPort();
}
// throws: java.net.ConnectException
try (var s = new Socket()) {
    s.connect(new InetSocketAddress(loopback, closedPort), 1000);
}
// end::connect-refused[]

// tag::connect-timeout[]
// A server whose queue is full (backlog 1, two clients waiting, nobody calls accept()):
// the system drops the new attempt, it is not refused. Only the timeout ends the wait.
var busy = new ServerSocket();
busy.bind(new InetSocketAddress(loopback, 0), 1);
var waiting = List.of(new Socket(), new Socket());
for (var w : waiting) w.connect(busy.getLocalSocketAddress(), 1000);
// throws: java.net.SocketTimeoutException
try (var s = new Socket()) {
    s.connect(busy.getLocalSocketAddress(), 200);
}
// end::connect-timeout[]
for (var w : waiting) w.close();
busy.close();

// tag::connect-resolve[]
// A name may resolve to several addresses (IPv4 and IPv6, several servers): try each in turn.
InetAddress[] addresses = InetAddress.getAllByName("localhost");
System.out.println("localhost resolves to " + Arrays.toString(addresses));
var candidates = new ArrayList<InetSocketAddress>();
candidates.add(0, new InetSocketAddress(loopback, closedPort)); // this one will refuse
for (var a : addresses) candidates.add(new InetSocketAddress(a, port));
greeter = greetOne();
Socket connected = null;
for (int i = 0; i < candidates.size() && connected == null; i++) {
    var s = new Socket();
    try {
        s.connect(candidates.get(i), 1000); // each candidate gets its own timeout
        connected = s;
        System.out.println("candidate " + (i + 1) + ": connected");
    } catch (IOException e) {
        s.close();
        System.out.println("candidate " + (i + 1) + ": " + e.getMessage());
    }
}
connected.close();
greeter.join();
// end::connect-resolve[]

server.close();
/exit
