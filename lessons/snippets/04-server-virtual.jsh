// Lesson 04 — virtual threads: one cheap thread per client. Needs JDK 21 or later.
// Runs as is with a JDK 21+ jshell: jshell lessons/snippets/04-server-virtual.jsh
//! jdk 21

import java.net.*;
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.util.*;
import java.util.concurrent.*;

var loopback = InetAddress.getLoopbackAddress();

void sendLine(Socket socket, String line) throws IOException {
    socket.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
}

BufferedReader reader(Socket socket) throws IOException {
    return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
}

// tag::jdk[]
System.out.println("this output comes from JDK " + Runtime.version());
// end::jdk[]

// tag::virtual[]
// Python has no equivalent; in Java 21+: one virtual thread per client, as many as there are clients.
var threads = ConcurrentHashMap.<Thread>newKeySet();
var server = new ServerSocket();
server.bind(new InetSocketAddress(loopback, 0), 200);
var clientThreads = Executors.newVirtualThreadPerTaskExecutor();
var acceptor = Thread.ofVirtual().start(() -> {
    while (!server.isClosed()) {
        try {
            Socket conn = server.accept();
            clientThreads.submit(() -> {
                try (conn) {
                    threads.add(Thread.currentThread());
                    conn.setSoTimeout(2000);
                    sendLine(conn, "echo: " + reader(conn).readLine()); // blocking code, cheap thread
                }
                return null;
            });
        } catch (IOException closed) {
            // the ServerSocket was closed: stop accepting
        }
    }
});
// end::virtual[]

// tag::virtual-clients[]
// 100 clients connect first and only then speak: 100 clients waiting at once, 100 threads.
var clients = new ArrayList<Socket>();
for (int i = 0; i < 100; i++) {
    var c = new Socket();
    c.connect(server.getLocalSocketAddress(), 1000);
    c.setSoTimeout(2000);
    clients.add(c);
}
int answered = 0;
for (var c : clients) {
    sendLine(c, "hi");
    if ("echo: hi".equals(reader(c).readLine())) answered++;
}
for (var c : clients) c.close();
server.close();
acceptor.join(2000);
clientThreads.close();       // ExecutorService is AutoCloseable since JDK 19: waits for every task
System.out.println(answered + " clients answered by " + threads.size() + " threads, all virtual: "
        + threads.stream().allMatch(Thread::isVirtual));
// end::virtual-clients[]

// tag::interrupt[]
// A thread blocked in accept(), then interrupted: which kind of thread wakes up?
for (boolean virtual : new boolean[] {false, true}) {
    var listening = new ServerSocket();
    listening.bind(new InetSocketAddress(loopback, 0));
    var outcome = new CompletableFuture<String>();
    Runnable acceptOne = () -> {
        try {
            listening.accept();
            outcome.complete("a client?");
        } catch (IOException e) {
            outcome.complete(e.getMessage());
        }
    };
    Thread t = virtual ? Thread.ofVirtual().start(acceptOne) : Thread.ofPlatform().start(acceptOne);
    t.interrupt();
    String kind = virtual ? "virtual thread:  " : "platform thread: ";
    try {
        System.out.println(kind + "interrupt() ended accept(): " + outcome.get(500, TimeUnit.MILLISECONDS)
                + "; ServerSocket closed: " + listening.isClosed());
    } catch (TimeoutException e) {
        System.out.println(kind + "still in accept() 500 ms after interrupt()");
        listening.close();       // the way that works for both
        System.out.println(kind + "close() ended accept(): " + outcome.get(2, TimeUnit.SECONDS));
    }
    t.join(2000);
    listening.close();
}
// end::interrupt[]
/exit
