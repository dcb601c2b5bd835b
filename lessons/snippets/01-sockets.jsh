// Lesson 01 — sockets: bidirectional channels over Unix (domain), TCP and UDP.
// Runs as is with: jshell lessons/snippets/01-sockets.jsh

import java.net.*;
import java.io.*;
import java.nio.ByteBuffer;
import java.nio.channels.*;
import java.nio.file.*;
import java.util.concurrent.*;
import static java.nio.charset.StandardCharsets.UTF_8;

var loopback = InetAddress.getLoopbackAddress();

// tag::tcp[]
// TCP: a stream of bytes in both directions between two connected sockets.
try (var server = new ServerSocket()) {
    server.bind(new InetSocketAddress(loopback, 0));   // port 0: any free port
    server.setSoTimeout(5000);                     // accept() waits 5 s at most
    var serverSide = new Thread(() -> {
        try (var peer = server.accept()) {
            peer.setSoTimeout(5000);               // read() waits 5 s at most
            var in = new BufferedReader(
                    new InputStreamReader(peer.getInputStream(), UTF_8));
            var out = new PrintStream(peer.getOutputStream(), true, UTF_8);
            String line = in.readLine();
            System.out.println("server received: " + line);
            out.println(line.toUpperCase());       // the same socket also sends
        } catch (IOException e) {
            System.out.println("server: " + e);
        }
    });
    serverSide.start();
    try (var client = new Socket()) {
        client.connect(server.getLocalSocketAddress(), 5000);
        client.setSoTimeout(5000);
        var in = new BufferedReader(
                new InputStreamReader(client.getInputStream(), UTF_8));
        var out = new PrintStream(client.getOutputStream(), true, UTF_8);
        out.println("hola");
        System.out.println("client received: " + in.readLine());
    }
    serverSide.join(5000);          // its output is complete before going on
}
// end::tcp[]

// tag::udp[]
// UDP: separate datagrams, no connection; each one says where it comes from.
try (var server = new DatagramSocket(new InetSocketAddress(loopback, 0));
     var client = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
    server.setSoTimeout(5000);
    client.setSoTimeout(5000);
    var serverSide = new Thread(() -> {
        try {
            var packet = new DatagramPacket(new byte[1500], 1500);
            server.receive(packet);
            var text = new String(packet.getData(), 0, packet.getLength(), UTF_8);
            System.out.println("server received: " + text);
            byte[] reply = text.toUpperCase().getBytes(UTF_8);
            // answer whoever sent it
            var sender = packet.getSocketAddress();
            server.send(new DatagramPacket(reply, reply.length, sender));
        } catch (IOException e) {
            System.out.println("server: " + e);
        }
    });
    serverSide.start();
    byte[] hello = "hola".getBytes(UTF_8);
    var target = server.getLocalSocketAddress();
    client.send(new DatagramPacket(hello, hello.length, target));
    var packet = new DatagramPacket(new byte[1500], 1500);
    client.receive(packet);
    var text = new String(packet.getData(), 0, packet.getLength(), UTF_8);
    System.out.println("client received: " + text);
    serverSide.join(5000);
}
// end::udp[]

// tag::unix-path[]
// A Unix domain socket's address is a path in the file system, not host and port.
// A fresh directory: no clash with anyone else's socket.
var dir = Files.createTempDirectory("sockets101-");
var path = dir.resolve("demo.sock");
// A socket file left by an earlier run would make bind() fail: remove it first.
System.out.println("stale file removed: " + Files.deleteIfExists(path));
var address = UnixDomainSocketAddress.of(path);
System.out.println("address is a file: " + address.getPath().getFileName());
// end::unix-path[]

// tag::unix[]
var watchdog = Executors.newSingleThreadScheduledExecutor();
try (var server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
    server.bind(address);
    System.out.println("after bind, the file exists: " + Files.exists(path));
    var serverSide = new Thread(() -> {
        try (var peer = server.accept()) {
            var buffer = ByteBuffer.allocate(64);
            // A stream has no message edges: 4 bytes come in one read here;
            // lesson 06 frames messages.
            peer.read(buffer);
            var text = new String(buffer.array(), 0, buffer.position(), UTF_8);
            System.out.println("server received: " + text);
            peer.write(ByteBuffer.wrap(text.toUpperCase().getBytes(UTF_8)));
        } catch (IOException e) {
            System.out.println("server: " + e);
        }
    });
    serverSide.start();
    try (var client = SocketChannel.open(StandardProtocolFamily.UNIX)) {
        // Channels have no read timeout: if this takes over 5 s, closing them
        // wakes every blocked call.
        watchdog.schedule(() -> {
            try { client.close(); server.close(); } catch (IOException e) { }
        }, 5, TimeUnit.SECONDS);
        client.connect(address);
        client.write(ByteBuffer.wrap("hola".getBytes(UTF_8)));
        var buffer = ByteBuffer.allocate(64);
        client.read(buffer);
        var text = new String(buffer.array(), 0, buffer.position(), UTF_8);
        System.out.println("client received: " + text);
    }
    serverSide.join(5000);
} finally {
    watchdog.shutdownNow();
}
System.out.println("after close, the file is still there: " + Files.exists(path));
// end::unix[]

// tag::unix-stale[]
try (var again = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
    again.bind(address);                           // the old file is in the way
} catch (BindException e) {
    System.out.println("bind on a stale socket file: " + e);
}
// end::unix-stale[]

// tag::unix-cleanup[]
// Closing the channel does not remove the file: whoever bound the path must.
System.out.println("socket file removed: " + Files.deleteIfExists(path));
System.out.println("directory removed: " + Files.deleteIfExists(dir));
// end::unix-cleanup[]

// tag::unix-channels-only[]
// java.net.Socket does not take a Unix address, and a Unix channel has no Socket
// inside (so no setSoTimeout either).
try (var socket = new Socket()) {
    socket.connect(address);
} catch (IllegalArgumentException e) {
    System.out.println("Socket + Unix address: " + e.getMessage());
}
try (var channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
    channel.socket();
} catch (UnsupportedOperationException e) {
    System.out.println("Unix channel.socket(): " + e.getMessage());
}
// end::unix-channels-only[]

// tag::generic[]
// Generic types: SocketAddress covers every kind of address.
for (SocketAddress a : new SocketAddress[] {
        new InetSocketAddress(loopback, 80),
        UnixDomainSocketAddress.of("/tmp/x.sock") }) {
    System.out.println(a.getClass().getSimpleName() + " is a SocketAddress: "
            + a);
}
// end::generic[]
/exit
