// Lesson 06 — close: ending a socket, half-close, try-with-resources.
// Runs as is with: jshell lessons/snippets/06-general-close.jsh

import java.net.*;
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.*;

var loopback = InetAddress.getLoopbackAddress();
var listening = new ServerSocket();
listening.bind(new InetSocketAddress(loopback, 0));
listening.setSoTimeout(2000);

// A server on its own thread for one client: reads the request to its end (EOF),
// answers in capitals, closes. What it saw goes to `log`, printed after join().
var log = new StringBuffer();
Thread upperOnce() {
    var t = new Thread(() -> {
        try (var conn = listening.accept()) {
            conn.setSoTimeout(300);
            byte[] request = conn.getInputStream().readAllBytes();   // up to the client's end of data
            String text = new String(request, StandardCharsets.UTF_8);
            log.append("server read \"" + text + "\" and reached the end\n");
            conn.getOutputStream().write(text.toUpperCase().getBytes(StandardCharsets.UTF_8));
        } catch (SocketTimeoutException e) {
            log.append("server: no end of the request after 300 ms (" + e.getMessage() + "), gives up\n");
        } catch (IOException e) {
            log.append("server: " + e + "\n");
        }
    });
    t.start();
    return t;
}

// tag::close[]
// Python: s.close()   or   with socket.create_connection(addr) as s: ...
var server = upperOnce();
try (var s = new Socket()) {                       // try-with-resources closes s, even on an exception
    s.connect(listening.getLocalSocketAddress(), 1000);
    s.setSoTimeout(2000);
    s.getOutputStream().write("hola".getBytes(StandardCharsets.UTF_8));
    s.shutdownOutput();                            // half-close: "I have sent everything"
    byte[] reply = s.getInputStream().readAllBytes();  // the server's answer, up to its close
    System.out.println("reply: " + new String(reply, StandardCharsets.UTF_8));
}
server.join();
System.out.print(log);
// end::close[]

// tag::no-half-close[]
// The same client without shutdownOutput(): the server cannot know the request is complete.
log.setLength(0);
server = upperOnce();
try (var s = new Socket()) {
    s.connect(listening.getLocalSocketAddress(), 1000);
    s.setSoTimeout(2000);
    s.getOutputStream().write("hola".getBytes(StandardCharsets.UTF_8));
    byte[] reply = s.getInputStream().readAllBytes();
    System.out.println("reply: \"" + new String(reply, StandardCharsets.UTF_8) + "\" (" + reply.length + " bytes)");
}
server.join();
System.out.print(log);
// end::no-half-close[]

// tag::closed-use[]
var s = new Socket();
s.connect(listening.getLocalSocketAddress(), 1000);
listening.accept().close();
s.close();
System.out.println("closed: " + s.isClosed());
// throws: java.net.SocketException
s.getInputStream();
// end::closed-use[]

// tag::close-stream[]
// Closing a socket's stream (or a reader/writer around it) closes the socket.
var t = new Socket();
t.connect(listening.getLocalSocketAddress(), 1000);
listening.accept().close();
try (var out = new PrintWriter(new OutputStreamWriter(t.getOutputStream(), StandardCharsets.UTF_8))) {
    out.print("hi");
}
System.out.println("socket closed by the writer's close: " + t.isClosed());
// end::close-stream[]

listening.close();
/exit
