// Lesson 01 — sockets: bidirectional channels over Unix (domain), TCP and UDP.
// Runs as is with: jshell lessons/snippets/01-sockets.jsh

import java.net.*;
import java.io.*;
import java.nio.ByteBuffer;
import java.nio.channels.*;
import java.nio.file.*;
import java.util.*;
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
            var out = peer.getOutputStream();
            String line = in.readLine();
            System.out.println("server received: " + line);
            // The same socket also sends: one line, its "\n" written out.
            out.write((line.toUpperCase() + "\n").getBytes(UTF_8));
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
        var out = client.getOutputStream();
        out.write("hola\n".getBytes(UTF_8));    // the line ending is part of the protocol
        System.out.println("client received: " + in.readLine());
    }
    serverSide.join(5000);          // its output is complete before going on
}
// end::tcp[]

// tag::println[]
// println ends a line with the platform's separator, not with a fixed byte.
var bytes = new ByteArrayOutputStream();
var printer = new PrintStream(bytes, true, UTF_8);
printer.println("hola");
System.out.println("println(\"hola\") wrote " + Arrays.toString(bytes.toByteArray())
        + " (line.separator here: " + System.lineSeparator().replace("\r", "\\r").replace("\n", "\\n") + ")");

// And a PrintStream never throws: a failed write only sets a flag.
try (var server = new ServerSocket()) {
    server.bind(new InetSocketAddress(loopback, 0));
    try (var client = new Socket()) {
        client.connect(server.getLocalSocketAddress(), 5000);
        var raw = client.getOutputStream();
        var printing = new PrintStream(raw, true, UTF_8);
        client.close();                               // every write fails from now on
        printing.println("hola");                     // no exception...
        System.out.println("PrintStream.println: no exception, checkError() = "
                + printing.checkError());
        try {
            raw.write("hola\n".getBytes(UTF_8));     // ...the same write, unwrapped
        } catch (IOException e) {
            System.out.println("OutputStream.write: " + e);
        }
    }
}
// end::println[]

// tag::one-process[]
// Both ends of every example in this course live in ONE process (one JVM),
// in two threads; only the address would change for two processes or machines.
try (var server = new ServerSocket()) {
    server.bind(new InetSocketAddress(loopback, 0));
    server.setSoTimeout(5000);
    var serverSide = CompletableFuture.supplyAsync(() -> {
        try (var peer = server.accept()) {
            return ProcessHandle.current().pid();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    });
    try (var client = new Socket()) {
        client.connect(server.getLocalSocketAddress(), 5000);
        long serverPid = serverSide.get(5, TimeUnit.SECONDS);
        long clientPid = ProcessHandle.current().pid();
        System.out.println("server in process " + serverPid + ", client in process "
                + clientPid + ": the same one? " + (serverPid == clientPid));
    }
}
// end::one-process[]

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

// tag::udp-connect[]
// UDP has connect() too: it fixes the peer (send needs no address) and lets the
// system report errors, such as "nobody listens on that port", to this socket.
int closedPort;
try (var probe = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
    closedPort = probe.getLocalPort();               // free, and nobody on it now
}
try (var socket = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
    socket.setSoTimeout(5000);
    socket.connect(new InetSocketAddress(loopback, closedPort));
    System.out.println("connected to " + socket.getRemoteSocketAddress());
    byte[] hello = "hola".getBytes(UTF_8);
    socket.send(new DatagramPacket(hello, hello.length));   // no address: the peer
    System.out.println("send: no error");
    socket.receive(new DatagramPacket(new byte[1500], 1500));
    System.out.println("receive: a reply?");
} catch (PortUnreachableException e) {
    System.out.println("receive: " + e);
} catch (SocketTimeoutException e) {
    System.out.println("receive: no reply and no error report within 5 s: " + e.getMessage());
}
// end::udp-connect[]

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

// But there is no generic socket(family, type, protocol) for other families:
// a family the JDK does not implement is refused.
ProtocolFamily can = () -> "CAN";
try (var channel = SocketChannel.open(can)) {
    System.out.println("opened a CAN channel?!");
} catch (UnsupportedOperationException e) {
    System.out.println("SocketChannel.open(CAN): " + e.getMessage());
}
// end::generic[]

// tag::no-write-timeout[]
// setSoTimeout bounds accept, read and receive; java.net has no limit for write.
try (var server = new ServerSocket()) {
    server.bind(new InetSocketAddress(loopback, 0));
    server.setSoTimeout(5000);
    try (var client = new Socket()) {
        client.connect(server.getLocalSocketAddress(), 5000);
        try (var peer = server.accept()) {          // connected, and never reads
            client.setSoTimeout(200);               // 200 ms... for reads only
            var writer = CompletableFuture.runAsync(() -> {
                byte[] chunk = new byte[64 * 1024];
                try {
                    while (true) {                  // fills both buffers, then blocks
                        client.getOutputStream().write(chunk);
                    }
                } catch (IOException e) {
                    System.out.println("write ended by: " + e);
                }
            });
            try {
                writer.get(1, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                System.out.println("after 1 s write() is still blocked, setSoTimeout(200) or not");
            }
            client.close();                         // closing is what unblocks it
            writer.get(5, TimeUnit.SECONDS);
        }
    }
}
// end::no-write-timeout[]
/exit
