// Lesson 04 — accept: taking a client out of the queue; timeouts; one thread per client.
// Runs as is with: jshell lessons/snippets/04-server-accept.jsh

import java.net.*;
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;

var loopback = InetAddress.getLoopbackAddress();

BufferedReader reader(Socket socket) throws IOException {
    return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
}

// One line, its "\n" written explicitly (never println's platform separator), in a single write.
void sendLine(Socket socket, String line) throws IOException {
    socket.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
}

// Serves one client: one line in, one line out. Bounded, so a silent client cannot hold it forever.
void echoOnce(Socket conn) {
    try (conn) {
        conn.setSoTimeout(2000);
        String line = reader(conn).readLine();
        sendLine(conn, "echo: " + line);
    } catch (IOException e) {
        // a client that goes away is that client's problem, not the server's
    }
}

// tag::accept-server[]
// Python: conn, addr = s.accept()
var server = new ServerSocket();
server.bind(new InetSocketAddress(loopback, 0));
server.setSoTimeout(60_000); // accept() gives up after a minute with no client
var serverThread = new Thread(() -> {
    try (Socket conn = server.accept()) {            // blocks until a client arrives
        SocketAddress addr = conn.getRemoteSocketAddress();
        sendLine(conn, "hello, " + addr);
    } catch (IOException e) {
        e.printStackTrace();
    }
});
serverThread.start();
System.out.println("accepting on " + server.getLocalSocketAddress());
// end::accept-server[]

// tag::accept-client[]
try (var client = new Socket()) {
    client.connect(server.getLocalSocketAddress(), 1000);
    client.setSoTimeout(1000);
    String greeting = reader(client).readLine();
    System.out.println("the server saw my address: " + greeting.equals("hello, " + client.getLocalSocketAddress()));
}
// end::accept-client[]
serverThread.join(); // the server thread ends after its one client

// tag::accept-timeout[]
server.setSoTimeout(200); // nobody is coming: without a timeout this would block forever
// throws: java.net.SocketTimeoutException
server.accept();
// end::accept-timeout[]

// tag::accept-closed[]
server.setSoTimeout(2000);
var blocked = new Thread(() -> {
    try {
        server.accept();
    } catch (IOException e) {
        System.out.println("accept() ended with " + e.getClass().getSimpleName() + ", server closed: " + server.isClosed());
    }
});
blocked.start();
server.close(); // the way to stop a thread blocked in accept()
blocked.join();
// end::accept-closed[]

// tag::println[]
// println ends the line with the platform's separator ("\n" on Linux and macOS, "\r\n" on Windows).
var bytes = new ByteArrayOutputStream();
new PrintWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), true).println("hi");
System.out.println(System.getProperty("os.name") + ": println(\"hi\") wrote " + Arrays.toString(bytes.toByteArray()));
// PrintWriter and PrintStream never throw IOException: a failed write only sets a flag.
try (var listening = new ServerSocket()) {
    listening.bind(new InetSocketAddress(loopback, 0));
    var client = new Socket(loopback, listening.getLocalPort());
    listening.accept().close();
    OutputStream raw = client.getOutputStream();
    var printer = new PrintWriter(new OutputStreamWriter(raw, StandardCharsets.UTF_8), true);
    client.close();                                    // from here on, every write fails
    printer.println("are you there?");                 // ...and this one says nothing
    System.out.println("PrintWriter.println threw nothing; checkError() = " + printer.checkError());
    try {
        raw.write("are you there?\n".getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
        System.out.println("OutputStream.write threw " + e);
    }
}
// end::println[]

// tag::sequential[]
Thread sequential(ServerSocket listening) {
    var loop = new Thread(() -> {
        try {
            while (true) {
                echoOnce(listening.accept()); // the next accept() waits until this client is done
            }
        } catch (IOException closed) {
            // the ServerSocket was closed: stop
        }
    });
    loop.start();
    return loop;
}
// end::sequential[]

// tag::threaded[]
Thread threadPerClient(ServerSocket listening) {
    var loop = new Thread(() -> {
        try {
            while (true) {
                Socket conn = listening.accept();
                new Thread(() -> echoOnce(conn)).start(); // one thread per client
            }
        } catch (IOException closed) {
            // the ServerSocket was closed: stop
        }
    });
    loop.start();
    return loop;
}
// end::threaded[]

// tag::two-clients[]
// Client 1 connects and says nothing yet; client 2 connects and asks at once.
void twoClients(Function<ServerSocket, Thread> kind) throws Exception {
    try (var listening = new ServerSocket()) {
        listening.bind(new InetSocketAddress(loopback, 0));
        Thread loop = kind.apply(listening);
        try (var one = new Socket(); var two = new Socket()) {
            one.connect(listening.getLocalSocketAddress(), 1000);
            two.connect(listening.getLocalSocketAddress(), 1000);
            one.setSoTimeout(1000);
            two.setSoTimeout(300);
            sendLine(two, "two");
            var fromTwo = reader(two);
            String reply;
            try {
                reply = fromTwo.readLine();
            } catch (SocketTimeoutException e) {
                System.out.println("client 2: no reply within 300 ms");
                reply = null;
            }
            if (reply != null) System.out.println("client 2: " + reply);
            sendLine(one, "one");
            System.out.println("client 1: " + reader(one).readLine());
            if (reply == null) {
                two.setSoTimeout(1000);
                System.out.println("client 2, at last: " + fromTwo.readLine());
            }
        }
        listening.close();
        loop.join(2000);
    }
}
System.out.println("sequential server:");
twoClients(s -> sequential(s));
System.out.println("one thread per client:");
twoClients(s -> threadPerClient(s));
// end::two-clients[]

/exit
