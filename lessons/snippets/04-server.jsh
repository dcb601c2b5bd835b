// Lesson 04 — the server side: bind, listen, accept.
// Runs as is with: jshell lessons/snippets/04-server.jsh

import java.net.*;
import java.io.*;
import java.nio.charset.StandardCharsets;

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
    System.out.println("new ServerSocket(0) listens on " + everywhere.getLocalSocketAddress());
}
// end::bind-constructor[]

server.close();

// tag::accept-server[]
var listener = new ServerSocket();
listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
var serving = new Thread(() -> {
    try (Socket conn = listener.accept();
         var in = new BufferedReader(new InputStreamReader(conn.getInputStream(), StandardCharsets.UTF_8));
         var out = new PrintWriter(new OutputStreamWriter(conn.getOutputStream(), StandardCharsets.UTF_8), true)) {
        out.println("hello, " + in.readLine());
    } catch (IOException e) {
        System.out.println("server: " + e);
    }
});
serving.start();
System.out.println("accepting on " + listener.getInetAddress().getHostAddress());
// end::accept-server[]

// tag::accept-client[]
try (var client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
     var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
     var out = new PrintWriter(new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8), true)) {
    out.println("client");
    System.out.println("reply: " + in.readLine());
}
// end::accept-client[]

serving.join();
listener.close();
/exit
