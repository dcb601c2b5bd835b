// Lesson 04 — a modern server on JDK 17: a bounded pool of threads, and one thread with a Selector.
// Runs as is with: jshell lessons/snippets/04-server-modern.jsh

import java.net.*;
import java.io.*;
import java.nio.ByteBuffer;
import java.nio.channels.*;
import java.nio.charset.StandardCharsets;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicBoolean;

var loopback = InetAddress.getLoopbackAddress();

void sendLine(Socket socket, String line) throws IOException {
    socket.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
}

BufferedReader reader(Socket socket) throws IOException {
    return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
}

// tag::pool[]
// At most 2 clients served at once, at most 2 more waiting; beyond that the server says so
// at once, instead of starting threads until the machine runs out of memory.
ExecutorService pool = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(2), new ThreadPoolExecutor.AbortPolicy());

void serve(Socket conn) {                  // one line in, one line out
    try (conn) {
        conn.setSoTimeout(2000);
        sendLine(conn, "echo: " + reader(conn).readLine());
    } catch (IOException e) {
        // this client's problem, not the server's
    }
}

var server = new ServerSocket();
server.bind(new InetSocketAddress(loopback, 0));
var acceptor = new Thread(() -> {
    while (!server.isClosed()) {
        try {
            Socket conn = server.accept();
            try {
                pool.execute(() -> serve(conn));
            } catch (RejectedExecutionException full) {
                try (conn) {
                    sendLine(conn, "busy, try later");
                }
            }
        } catch (IOException closed) {
            // the ServerSocket was closed: stop accepting
        }
    }
});
acceptor.start();
// end::pool[]

// tag::pool-clients[]
// Five clients connect and, for now, say nothing: two are served, two wait in the pool's queue.
var clients = new ArrayList<Socket>();
for (int i = 1; i <= 5; i++) {
    var c = new Socket();
    c.connect(server.getLocalSocketAddress(), 1000);
    c.setSoTimeout(2000);
    clients.add(c);
}
System.out.println("client 5: " + reader(clients.get(4)).readLine());
for (int i = 0; i < 4; i++) {
    sendLine(clients.get(i), "hello from " + (i + 1));
    System.out.println("client " + (i + 1) + ": " + reader(clients.get(i)).readLine());
}
// end::pool-clients[]

// tag::pool-shutdown[]
// Stopping: no new clients, then let the pool finish the ones it has (bounded).
server.close();
acceptor.join(2000);
pool.shutdown();
System.out.println("pool finished its clients: " + pool.awaitTermination(2, TimeUnit.SECONDS));
for (var c : clients) c.close();
// end::pool-shutdown[]

// tag::selector[]
// One thread, many clients: the Selector says which channels are ready; nobody blocks.
var selector = Selector.open();
var listening = ServerSocketChannel.open();
listening.bind(new InetSocketAddress(loopback, 0));
listening.configureBlocking(false);
listening.register(selector, SelectionKey.OP_ACCEPT);
var running = new AtomicBoolean(true);
var servedBy = ConcurrentHashMap.<String>newKeySet();

void step(SelectionKey key) throws IOException {
    if (key.isAcceptable()) {                                  // a client is in the queue
        SocketChannel client = listening.accept();
        client.configureBlocking(false);
        client.register(selector, SelectionKey.OP_READ, ByteBuffer.allocate(1024));
        return;
    }
    var client = (SocketChannel) key.channel();
    var buffer = (ByteBuffer) key.attachment();                // this client's bytes
    if (key.isReadable() && client.read(buffer) == -1) {       // the client closed
        key.cancel();
        client.close();
        return;
    }
    buffer.flip();                                             // echo what is there...
    client.write(buffer);
    buffer.compact();                                          // ...and keep what did not fit
    servedBy.add(Thread.currentThread().getName());
    // Bytes left over: wait until the channel can take more, instead of blocking.
    key.interestOps(buffer.position() > 0 ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
}

var loop = new Thread(() -> {
    try {
        while (running.get()) {
            selector.select(1000);                             // bounded: checks `running` at least every second
            for (var it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                var key = it.next();
                it.remove();
                try {
                    step(key);
                } catch (IOException e) {
                    key.cancel();
                    key.channel().close();
                }
            }
        }
    } catch (IOException e) {
        e.printStackTrace();
    }
}, "selector-loop");
loop.start();

void stopLoop() throws InterruptedException {
    running.set(false);
    selector.wakeup();                                         // out of select() now
    loop.join(2000);
}
// end::selector[]

// tag::selector-clients[]
// Three clients connected at once; they speak in reverse order and each gets its echo.
var three = new ArrayList<Socket>();
for (int i = 1; i <= 3; i++) {
    var c = new Socket();
    c.connect(listening.getLocalAddress(), 1000);
    c.setSoTimeout(2000);
    three.add(c);
}
for (int i = 3; i >= 1; i--) {
    sendLine(three.get(i - 1), "line from client " + i);
    System.out.println(reader(three.get(i - 1)).readLine());
}
for (var c : three) c.close();
stopLoop();
System.out.println("3 clients, served by the threads " + servedBy);
listening.close();
selector.close();
// end::selector-clients[]
/exit
