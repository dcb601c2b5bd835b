// Lesson 04 — listen: the backlog, the queue the system fills before accept().
// Runs as is with: jshell lessons/snippets/04-server-listen.jsh

import java.net.*;
import java.io.*;
import java.util.*;

var loopback = InetAddress.getLoopbackAddress();

// Connects one more client with a short timeout and says how it went.
String tryConnect(SocketAddress address, List<Socket> open) {
    var client = new Socket();
    open.add(client);
    try {
        client.connect(address, 200); // bounded: a dropped connection attempt would wait much longer
        return "connected";
    } catch (IOException e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}

// tag::listen[]
// Python: s.bind(("127.0.0.1", 0)); s.listen(2)
var server = new ServerSocket();
server.bind(new InetSocketAddress(loopback, 0), 2); // bind + listen, backlog 2
var clients = new ArrayList<Socket>();
for (int i = 1; i <= 4; i++) {
    System.out.println("client " + i + ": " + tryConnect(server.getLocalSocketAddress(), clients));
}
// end::listen[]

// tag::listen-accept[]
// One accept() takes a client out of the queue: there is room for one more.
try (var first = server.accept()) {
    System.out.println("accepted " + (first.getRemoteSocketAddress().equals(clients.get(0).getLocalSocketAddress())
            ? "client 1, the first in the queue" : "another client"));
}
System.out.println("client 5: " + tryConnect(server.getLocalSocketAddress(), clients));
System.out.println("client 6: " + tryConnect(server.getLocalSocketAddress(), clients));
// end::listen-accept[]

// tag::listen-default[]
// No backlog given (or backlog <= 0): Java asks for 50.
int fits(ServerSocket listening) throws IOException {
    var open = new ArrayList<Socket>();
    try {
        while (tryConnect(listening.getLocalSocketAddress(), open).equals("connected")) { }
        return open.size() - 1; // the last one timed out
    } finally {
        for (var c : open) c.close();
    }
}
try (var byDefault = new ServerSocket(); var zero = new ServerSocket()) {
    byDefault.bind(new InetSocketAddress(loopback, 0));
    zero.bind(new InetSocketAddress(loopback, 0), 0);
    System.out.println("bind(address):    " + fits(byDefault) + " clients connected before any accept()");
    System.out.println("bind(address, 0): " + fits(zero) + " clients connected before any accept()");
}
// end::listen-default[]

for (var c : clients) c.close();
server.close();
/exit
