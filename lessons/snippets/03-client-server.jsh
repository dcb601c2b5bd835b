// Lesson 03 — the classic client-server diagram, step by step, with real sockets.
// Runs as is with: jshell lessons/snippets/03-client-server.jsh

import java.net.*;
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.*;

// tag::dialogue[]
// Each side prints its step just before taking it; the latch makes the order of the lines
// the order of the diagram (and the same on every run).
var waiting = new CountDownLatch(1);    // the server is about to block in accept()
var accepted = new CountDownLatch(1);   // accept() has returned

System.out.println("server: socket()  new ServerSocket()");
var server = new ServerSocket();
System.out.println("server: bind()    server.bind(address, 50)");
System.out.println("server: listen()  (done by bind: the queue holds 50)");
server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
server.setSoTimeout(2000);

var serverSide = new Thread(() -> {
    System.out.println("server: accept()  server.accept() blocks until a client arrives");
    waiting.countDown();
    try (var peer = server.accept()) {
        System.out.println("server: accept()  returns a new Socket for the client");
        accepted.countDown();
        peer.setSoTimeout(2000);
        var in = new BufferedReader(new InputStreamReader(peer.getInputStream(), StandardCharsets.UTF_8));
        var out = new PrintWriter(new OutputStreamWriter(peer.getOutputStream(), StandardCharsets.UTF_8), true);
        String request = in.readLine();
        System.out.println("server: recv()    in.readLine() -> " + request);
        System.out.println("server: send()    out.println(\"" + request.toUpperCase() + "\")");
        out.println(request.toUpperCase());
        String end = in.readLine();
        System.out.println("server: recv()    in.readLine() -> " + end + " (the client closed)");
        System.out.println("server: close()   peer.close()");
    } catch (IOException e) {
        System.out.println("server: " + e);
    }
});
serverSide.start();
waiting.await(2, TimeUnit.SECONDS);

System.out.println("client: socket()  new Socket()");
try (var client = new Socket()) {
    System.out.println("client: connect() client.connect(address, 2000): SYN, SYN-ACK, ACK");
    client.connect(server.getLocalSocketAddress(), 2000);
    accepted.await(2, TimeUnit.SECONDS);
    client.setSoTimeout(2000);
    var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
    var out = new PrintWriter(new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8), true);
    System.out.println("client: send()    out.println(\"hola\")");
    out.println("hola");
    System.out.println("client: recv()    in.readLine() -> " + in.readLine());
    System.out.println("client: close()   client.close()");
}
serverSide.join(2000);
System.out.println("server: close()   server.close()");
server.close();
// end::dialogue[]
/exit
