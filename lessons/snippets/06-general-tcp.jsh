// Lesson 06 — general methods over TCP: send and recv, and their pitfalls.
// Runs as is with: jshell lessons/snippets/06-general-tcp.jsh

import java.net.*;
import java.io.*;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.*;
import java.util.concurrent.*;

var loopback = InetAddress.getLoopbackAddress();
var listening = new ServerSocket();
listening.bind(new InetSocketAddress(loopback, 0));
listening.setSoTimeout(2000);

// Both ends of one TCP connection: the server's end comes from accept() on another thread.
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
    client.setSoTimeout(2000); // no read below may wait more than 2 s
    server.setSoTimeout(2000);
    return new Pair(client, server);
}

// tag::send-recv[]
// Python: s.send(b"hola")            and   data = conn.recv(1024)
try (var p = pair()) {
    OutputStream out = p.client().getOutputStream();
    out.write("hola".getBytes(StandardCharsets.UTF_8));

    InputStream in = p.server().getInputStream();
    byte[] buffer = new byte[1024];
    int n = in.read(buffer);                     // how many bytes arrived: up to 1024
    System.out.println(n + " bytes: " + new String(buffer, 0, n, StandardCharsets.UTF_8));
}
// end::send-recv[]

// tag::one-write-many-reads[]
// One write of 1 MiB; the reader asks for 1 MiB at a time.
try (var p = pair()) {
    var writer = new Thread(() -> {
        try {
            p.client().getOutputStream().write(new byte[1 << 20]); // returns when every byte is handed over
            p.client().shutdownOutput();                            // then: no more data
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    });
    writer.start();
    InputStream in = p.server().getInputStream();
    byte[] buffer = new byte[1 << 20];
    int reads = 0, total = 0, n;
    while ((n = in.read(buffer)) != -1) {
        reads++;
        total += n;
    }
    writer.join();
    System.out.println("received " + total + " bytes; it took more than one read: " + (reads > 1));
}
// end::one-write-many-reads[]

// tag::short-write[]
// SocketChannel in non-blocking mode shows the short write that OutputStream.write hides.
try (var channel = SocketChannel.open(listening.getLocalSocketAddress())) {
    try (var peer = listening.accept()) {      // connected, but nobody reads on this side
        channel.configureBlocking(false);
        ByteBuffer data = ByteBuffer.allocate(64 << 20);
        int written = channel.write(data);
        System.out.println("asked to write " + data.capacity() + " bytes, written: fewer ("
                + (written < data.capacity()) + "), left over: " + (data.remaining() > 0));
    }
}
// end::short-write[]

// tag::two-writes-one-read[]
try (var p = pair()) {
    OutputStream out = p.client().getOutputStream();
    out.write("hello".getBytes(StandardCharsets.UTF_8)); // two writes...
    out.write("world".getBytes(StandardCharsets.UTF_8));
    byte[] buffer = new byte[1024];
    int n = p.server().getInputStream().read(buffer);  // ...one read
    System.out.println("one read got " + n + " bytes: " + new String(buffer, 0, n, StandardCharsets.UTF_8));
}
// end::two-writes-one-read[]

// tag::short-read[]
// read(buffer) returns what has arrived, even if the buffer has room for more.
try (var p = pair()) {
    var firstRead = new CountDownLatch(1);
    var writer = new Thread(() -> {
        try {
            OutputStream out = p.client().getOutputStream();
            out.write("abc".getBytes(StandardCharsets.UTF_8));
            firstRead.await(2, TimeUnit.SECONDS);   // the rest only after the reader's first read
            out.write("def".getBytes(StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException e) {
            throw new RuntimeException(e);
        }
    });
    writer.start();
    InputStream in = p.server().getInputStream();
    byte[] buffer = new byte[6];
    int n = in.read(buffer);
    System.out.println("asked for 6, read() gave " + n);
    firstRead.countDown();
    byte[] rest = in.readNBytes(6 - n);              // readNBytes loops until it has them all
    System.out.println("readNBytes(" + (6 - n) + ") gave " + rest.length + ": "
            + new String(buffer, 0, n, StandardCharsets.UTF_8) + new String(rest, StandardCharsets.UTF_8));
    writer.join();
}
// end::short-read[]

// tag::readnbytes-eof[]
// At the end of the stream, readNBytes(n) quietly returns FEWER than n bytes.
try (var p = pair()) {
    p.client().getOutputStream().write("abc".getBytes(StandardCharsets.UTF_8));
    p.client().close();                              // 3 bytes, then the end
    byte[] got = p.server().getInputStream().readNBytes(6);
    System.out.println("readNBytes(6) gave " + got.length + " bytes, and no exception");
}
// end::readnbytes-eof[]

// tag::readfully-eof[]
// readFully gives exactly n bytes, or throws EOFException.
// throws: java.io.EOFException
try (var p = pair()) {
    p.client().getOutputStream().write("abc".getBytes(StandardCharsets.UTF_8));
    p.client().close();
    byte[] six = new byte[6];
    new DataInputStream(p.server().getInputStream()).readFully(six);
}
// end::readfully-eof[]

// tag::framing-length[]
// Framing with a length prefix: 4 bytes (big-endian int) with the length, then the bytes.
try (var p = pair()) {
    var out = new DataOutputStream(new BufferedOutputStream(p.client().getOutputStream()));
    for (String message : List.of("hola", "ñ€", "")) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }
    out.flush();                                         // one flush sends the three frames

    var in = new DataInputStream(new BufferedInputStream(p.server().getInputStream()));
    for (int i = 0; i < 3; i++) {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);                             // loops over short reads; EOFException if the peer stops early
        System.out.println("frame " + (i + 1) + ": \"" + new String(bytes, StandardCharsets.UTF_8) + "\" (" + bytes.length + " bytes)");
    }
}
// end::framing-length[]

// tag::framing-lines[]
// Framing with lines: each message ends with \n, the reader collects up to it.
try (var p = pair()) {
    var out = new PrintWriter(new OutputStreamWriter(p.client().getOutputStream(), StandardCharsets.UTF_8));
    out.print("first\nsecond\nthi");
    out.print("rd\n");
    out.flush();
    var in = new BufferedReader(new InputStreamReader(p.server().getInputStream(), StandardCharsets.UTF_8));
    for (int i = 0; i < 3; i++) System.out.println("line: " + in.readLine());
}
// end::framing-lines[]

// tag::flush[]
try (var p = pair()) {
    var out = new PrintWriter(new OutputStreamWriter(p.client().getOutputStream(), StandardCharsets.UTF_8));
    var in = new BufferedReader(new InputStreamReader(p.server().getInputStream(), StandardCharsets.UTF_8));
    p.server().setSoTimeout(300);
    out.println("hola");                    // sits in the PrintWriter's buffer
    try {
        System.out.println("got: " + in.readLine());
    } catch (SocketTimeoutException e) {
        System.out.println("without flush, after 300 ms: " + e.getMessage());
    }
    out.flush();                            // now it goes out
    System.out.println("after flush: " + in.readLine());
}
// end::flush[]

// tag::flush-writer[]
// An OutputStreamWriter keeps the encoded bytes too, until flush().
var sink = new ByteArrayOutputStream();
var encoder = new OutputStreamWriter(sink, StandardCharsets.UTF_8);
encoder.write("hola\n");
System.out.println("after write: " + sink.size() + " bytes reached the stream below");
encoder.flush();
System.out.println("after flush: " + sink.size() + " bytes");
// end::flush-writer[]

// tag::nagle[]
// Ten exchanges: the client writes a 4-byte header and a 4-byte body, then waits for the
// 2-byte reply; the other end replies only once it has the whole message.
long exchanges(boolean noDelay, boolean buffered) throws Exception {
    try (var p = pair()) {
        var replier = new Thread(() -> {
            try {
                var in = new DataInputStream(p.server().getInputStream());
                while (true) {
                    in.readFully(new byte[in.readInt()]);      // the whole message...
                    p.server().getOutputStream().write(new byte[] {'o', 'k'}); // ...reply
                }
            } catch (IOException e) {                         // EOF: the client is done
            }
        });
        replier.start();
        p.client().setTcpNoDelay(noDelay);
        OutputStream raw = p.client().getOutputStream();
        OutputStream out = buffered ? new BufferedOutputStream(raw) : raw;
        byte[] header = {0, 0, 0, 4};
        byte[] body = "hola".getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            out.write(header);
            out.write(body);
            out.flush();   // with a BufferedOutputStream: header and body in one write
            p.client().getInputStream().readNBytes(2);         // wait for the reply
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        p.client().shutdownOutput();
        replier.join();
        return ms;
    }
}
String about(long ms) {     // rounded: the exact figure changes from run to run
    long rounded = Math.round(ms / 10.0) * 10;
    return "10 exchanges in " + (ms < 20 ? "under 20 ms" : "about " + rounded + " ms");
}
System.out.println("Nagle on, two writes:            " + about(exchanges(false, false)));
System.out.println("setTcpNoDelay(true), two writes: " + about(exchanges(true, false)));
System.out.println("Nagle on, one write (buffered):  " + about(exchanges(false, true)));
// end::nagle[]

// tag::utf8[]
String text = "ñ€";
System.out.println("chars: " + text.length() + ", UTF-8 bytes: " + text.getBytes(StandardCharsets.UTF_8).length);
// A character split across two reads, decoded piece by piece, is broken:
byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
String pieceByPiece = new String(bytes, 0, 1, StandardCharsets.UTF_8) + new String(bytes, 1, bytes.length - 1, StandardCharsets.UTF_8);
System.out.println("decoded piece by piece: " + pieceByPiece + " (equal: " + pieceByPiece.equals(text) + ")");
// An InputStreamReader keeps the bytes of a half character until the rest arrives:
var twoPieces = new SequenceInputStream(new ByteArrayInputStream(bytes, 0, 1), new ByteArrayInputStream(bytes, 1, bytes.length - 1));
var decoder = new InputStreamReader(twoPieces, StandardCharsets.UTF_8);
var whole = new StringBuilder();
for (int c; (c = decoder.read()) != -1; ) whole.append((char) c);
System.out.println("through an InputStreamReader: " + whole + " (equal: " + whole.toString().equals(text) + ")");
// end::utf8[]

// tag::bounded-line[]
// readLine() has no limit: a peer that never sends "\n" makes it collect bytes until memory runs out.
// A line reader with a limit (in bytes, as they arrive):
String readLine(InputStream in, int maxBytes) throws IOException {
    var line = new ByteArrayOutputStream();
    for (int b; (b = in.read()) != '\n'; ) {
        if (b == -1) return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
        if (line.size() == maxBytes) throw new IOException("line longer than " + maxBytes + " bytes");
        line.write(b);
    }
    return line.toString(StandardCharsets.UTF_8);
}
try (var p = pair()) {
    var writer = new Thread(() -> {
        try {
            var out = p.client().getOutputStream();
            out.write("short line\n".getBytes(StandardCharsets.UTF_8));
            out.write(new byte[1 << 20]);            // 1 MiB and no "\n"
        } catch (IOException e) {
            // the reader gave up and closed: expected
        }
    });
    writer.start();
    var in = new BufferedInputStream(p.server().getInputStream());   // read() byte by byte, from a buffer
    System.out.println("line 1: " + readLine(in, 1024));
    try {
        readLine(in, 1024);
    } catch (IOException e) {
        System.out.println("line 2: " + e.getMessage() + "; the reader stops there");
    }
    p.close();
    writer.join();
}
// end::bounded-line[]

// tag::eof[]
// Python: recv() returns b"" once the peer has closed. Java: read() returns -1.
try (var p = pair()) {
    p.client().getOutputStream().write("bye".getBytes(StandardCharsets.UTF_8));
    p.client().close();
    InputStream in = p.server().getInputStream();
    System.out.println("read " + in.readNBytes(3).length + " bytes, then read() = " + in.read());
    System.out.println("readLine() at the end: " + new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine());
}
// end::eof[]

// tag::eof-readint[]
// throws: java.io.EOFException
try (var p = pair()) {
    p.client().getOutputStream().write(new byte[] {0, 0});   // half of an int, then close
    p.client().close();
    new DataInputStream(p.server().getInputStream()).readInt();
}
// end::eof-readint[]

// tag::read-timeout[]
try (var p = pair()) {
    p.server().setSoTimeout(200);               // the client says nothing
    try {
        p.server().getInputStream().read();
    } catch (SocketTimeoutException e) {
        System.out.println(e.getMessage() + "; socket still open: " + !p.server().isClosed());
    }
    p.client().getOutputStream().write('!');
    System.out.println("later read: " + (char) p.server().getInputStream().read());
}
// end::read-timeout[]

listening.close();
/exit
