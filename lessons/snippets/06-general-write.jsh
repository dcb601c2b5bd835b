// Lesson 06 — the write side: blocking writes, no write timeout, a peer that is gone, and what a
// returned write does (not) mean.
// Runs as is with: jshell lessons/snippets/06-general-write.jsh

import java.net.*;
import java.io.*;
import java.nio.ByteBuffer;
import java.nio.channels.*;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.*;

var loopback = InetAddress.getLoopbackAddress();
var listening = new ServerSocket();
listening.bind(new InetSocketAddress(loopback, 0));
listening.setSoTimeout(2000);

// Both ends of one TCP connection (as in 06-general-tcp.jsh).
record Pair(Socket client, Socket server) implements AutoCloseable {
    public void close() throws IOException {
        client.close();
        server.close();
    }
}
Pair pair() throws Exception {
    var accepted = CompletableFuture.supplyAsync(() -> {
        try {
            return listening.accept();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    });
    var client = new Socket();
    client.connect(listening.getLocalSocketAddress(), 1000);
    var server = accepted.get(2, TimeUnit.SECONDS);
    client.setSoTimeout(2000);
    server.setSoTimeout(2000);
    return new Pair(client, server);
}
var watchdog = Executors.newSingleThreadScheduledExecutor();

// tag::blocking-write[]
// The server never reads. The client writes 64 KiB at a time, with setSoTimeout(200) set:
// that bounds reads only. A watchdog closes the socket after 1 s, the only way to stop the write.
try (var p = pair()) {
    p.client().setSoTimeout(200);
    long written = 0, start = System.nanoTime();
    var closer = watchdog.schedule(() -> {
        p.client().close();
        return null;
    }, 1, TimeUnit.SECONDS);
    try {
        byte[] chunk = new byte[64 * 1024];
        while (true) {
            p.client().getOutputStream().write(chunk);
            written += chunk.length;
        }
    } catch (IOException e) {
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println("write() ended with \"" + e.getMessage() + "\" after " + (ms >= 1000 ? "the watchdog's 1 s" : ms + " ms"));
        System.out.println("before blocking, the buffers on both sides took " + written / 1024 + " KiB");
    }
    closer.get();
}
// end::blocking-write[]

// tag::write-deadline[]
// A write with a deadline, by hand: a non-blocking SocketChannel and a Selector that waits at most
// 300 ms for room in the send buffer.
int writeWithin(SocketChannel channel, ByteBuffer data, long millis) throws IOException {
    channel.configureBlocking(false);
    try (var selector = Selector.open()) {
        channel.register(selector, SelectionKey.OP_WRITE);
        int total = 0;
        while (data.hasRemaining()) {
            total += channel.write(data);                  // writes what fits now, maybe 0
            if (data.hasRemaining() && selector.select(millis) == 0) {
                throw new SocketTimeoutException("no room to write for " + millis + " ms; "
                        + total + " bytes written, " + data.remaining() + " left");
            }
            selector.selectedKeys().clear();
        }
        return total;
    }
}
try (var channel = SocketChannel.open(listening.getLocalSocketAddress()); var peer = listening.accept()) {
    try {
        writeWithin(channel, ByteBuffer.allocate(64 << 20), 300);   // 64 MiB to a peer that never reads
    } catch (SocketTimeoutException e) {
        System.out.println("gave up: " + e.getMessage().replaceAll("\\d+ bytes written, \\d+ left", "part of it written"));
    }
}
// end::write-deadline[]

// tag::broken-pipe[]
// The peer closes. Writing to it: the first write "succeeds" (the bytes leave; the peer's system
// answers them with a reset, RST); once the reset is in, writes fail.
try (var p = pair()) {
    p.server().close();
    System.out.println("read() after the peer closed: " + p.client().getInputStream().read());
    var out = p.client().getOutputStream();
    for (int i = 1; i <= 100; i++) {                       // bounded: the reset arrives within a write or two
        try {
            out.write(("message " + i + "\n").getBytes(StandardCharsets.UTF_8));
            if (i == 1) System.out.println("first write: returned normally");
        } catch (IOException e) {
            System.out.println("a later write: " + e + " (" + System.getProperty("os.name") + ")");
            break;
        }
    }
}
// end::broken-pipe[]

// tag::reset[]
// An abortive close: SO_LINGER with a 0 s linger sends a reset (RST) instead of the normal close (FIN).
try (var p = pair()) {
    p.server().setSoLinger(true, 0);
    p.server().close();
    try {
        System.out.println("read() = " + p.client().getInputStream().read());
    } catch (IOException e) {
        System.out.println("read(): " + e);
    }
}
System.out.println("(" + System.getProperty("os.name") + ")");
// end::reset[]

// tag::no-ack[]
// A returned write is not a processed message. The server takes the connection and closes it
// without reading (it crashed, say); the client's write returns anyway.
try (var p = pair()) {
    p.server().close();
    p.client().getOutputStream().write("order 42\n".getBytes(StandardCharsets.UTF_8));
    System.out.println("write(\"order 42\") returned: the bytes reached my system's buffer, nothing more");
    // The protocol's answer tells: the server acknowledges each order with a line of its own.
    int answer = p.client().getInputStream().read();
    System.out.println("the server's acknowledgement: " + (answer == -1 ? "none (end of stream): order 42 was NOT done" : (char) answer));
}
// end::no-ack[]

watchdog.shutdownNow();
listening.close();
/exit
