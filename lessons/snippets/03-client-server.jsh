// Lesson 03 — the classic client-server diagram, step by step, real sockets.
// Runs as is with: jshell lessons/snippets/03-client-server.jsh

import java.net.*;
import java.io.*;
import java.util.concurrent.*;
import static java.nio.charset.StandardCharsets.UTF_8;

// tag::dialogue[]
// One line per step of the diagram: who, the classic call, the Java call.
void step(String who, String call, String java) {
    System.out.printf("%-7s %-10s %s%n", who, call, java);
}

// Each side prints its step just before taking it; the latches make the order
// of the lines the order of the diagram, the same on every run.
var waiting = new CountDownLatch(1);    // the server is about to call accept()
var accepted = new CountDownLatch(1);   // accept() has returned

step("server", "socket()", "new ServerSocket()");
try (var server = new ServerSocket()) {
    step("server", "bind()", "server.bind(address, 50)");
    step("server", "listen()", "(done by bind: a queue of 50)");
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.setSoTimeout(5000);                     // accept() waits 5 s at most

    var serverSide = new Thread(() -> {
        step("server", "accept()", "server.accept() blocks till a client comes");
        waiting.countDown();
        try (var peer = server.accept()) {
            step("server", "accept()", "returns a new Socket; same local port as the server: "
                    + (peer.getLocalPort() == server.getLocalPort()));
            accepted.countDown();
            peer.setSoTimeout(5000);
            var in = new BufferedReader(
                    new InputStreamReader(peer.getInputStream(), UTF_8));
            var out = peer.getOutputStream();
            String request = in.readLine();
            step("server", "recv()", "in.readLine() -> " + request);
            String reply = request.toUpperCase();
            step("server", "send()", "out.write(\"" + reply + "\\n\")");
            out.write((reply + "\n").getBytes(UTF_8));   // the line ending, written out
            String end = in.readLine();
            step("server", "recv()", "in.readLine() -> " + end + " (closed)");
            step("server", "close()", "peer.close()");
        } catch (IOException e) {
            step("server", "error", e.toString());
        }
    });
    serverSide.start();
    if (!waiting.await(5, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the server did not start");
    }

    step("client", "socket()", "new Socket()");
    try (var client = new Socket()) {
        step("client", "connect()", "client.connect(address, 5000)");
        client.connect(server.getLocalSocketAddress(), 5000);
        if (!accepted.await(5, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the server did not accept");
        }
        client.setSoTimeout(5000);
        var in = new BufferedReader(
                new InputStreamReader(client.getInputStream(), UTF_8));
        var out = client.getOutputStream();
        step("client", "send()", "out.write(\"hola\\n\")");
        out.write("hola\n".getBytes(UTF_8));
        step("client", "recv()", "in.readLine() -> " + in.readLine());
        step("client", "close()", "client.close()");
    }
    serverSide.join(5000);
    step("server", "close()", "server.close()");
}
// end::dialogue[]
/exit
