// Lesson 05 — the client side: connect.
// Runs as is with: jshell lessons/snippets/05-client.jsh

import java.net.*;
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;
import java.util.concurrent.*;

var loopback = InetAddress.getLoopbackAddress();

// A server to talk to: it greets each client with one line, on its own thread.
var server = new ServerSocket();
server.bind(new InetSocketAddress(loopback, 0));
server.setSoTimeout(2000);
Thread greetOne() {
    var t = new Thread(() -> {
        try (var conn = server.accept()) {
            conn.getOutputStream().write("hello from the server\n".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            e.printStackTrace();
        }
    });
    t.start();
    return t;
}
int port = server.getLocalPort();

// A "black hole": a server whose queue is full drops new attempts (on Linux) instead of refusing them.
var holes = new ArrayList<Closeable>();
InetSocketAddress blackHole() throws IOException {
    var full = new ServerSocket();
    full.bind(new InetSocketAddress(loopback, 0), 1);
    holes.add(full);
    for (int i = 0; i < 2; i++) {
        var w = new Socket();
        holes.add(w);
        w.connect(full.getLocalSocketAddress(), 1000);
    }
    return (InetSocketAddress) full.getLocalSocketAddress();
}
String comparedToTwoTimeouts(long start) {    // the exact time changes from run to run
    return ((System.nanoTime() - start) / 1_000_000 >= 1000 ? "more" : "less") + " than 2 × 500 ms";
}

// tag::connect[]
// Python: s = socket.socket(socket.AF_INET, socket.SOCK_STREAM); s.connect(("127.0.0.1", port))
var greeter = greetOne();
try (var s = new Socket()) {
    s.connect(new InetSocketAddress("127.0.0.1", port), 1000); // at most 1 s to connect
    s.setSoTimeout(1000);                                     // at most 1 s per read
    var in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
    System.out.println("connected: " + s.isConnected() + ", server says: " + in.readLine());
    System.out.println("my port was chosen by the system: " + (s.getLocalPort() > 0));
}
greeter.join();
// end::connect[]

// tag::connect-refused[]
// Nobody listens on this port any more: the system answers at once with a refusal.
int closedPort;
try (var gone = new ServerSocket()) {
    gone.bind(new InetSocketAddress(loopback, 0));
    closedPort = gone.getLocalPort();
}
// throws: java.net.ConnectException
try (var s = new Socket()) {
    s.connect(new InetSocketAddress(loopback, closedPort), 1000);
}
// end::connect-refused[]

// tag::connect-timeout[]
// A server whose queue is full (backlog 1, two clients waiting, nobody calls accept()):
// the system drops the new attempt, it is not refused. Only the timeout ends the wait.
var busy = new ServerSocket();
busy.bind(new InetSocketAddress(loopback, 0), 1);
var waiting = List.of(new Socket(), new Socket());
for (var w : waiting) w.connect(busy.getLocalSocketAddress(), 1000);
// throws: java.net.SocketTimeoutException
try (var s = new Socket()) {
    s.connect(busy.getLocalSocketAddress(), 200);
}
// end::connect-timeout[]
for (var w : waiting) w.close();
busy.close();

// tag::syn-retries[]
// connect(address, 0): Java sets no limit, but the system gives up at some point.
// Linux resends the SYN tcp_syn_retries times, waiting 1 s, then twice as long each time; since
// Linux 6.5, tcp_syn_linear_timeouts more resends come first, 1 s apart.
Path proc = Path.of("/proc/sys/net/ipv4");
if (Files.isReadable(proc.resolve("tcp_syn_retries"))) {
    int retries = Integer.parseInt(Files.readString(proc.resolve("tcp_syn_retries")).strip());
    Path linearFile = proc.resolve("tcp_syn_linear_timeouts");
    int linear = Files.isReadable(linearFile) ? Integer.parseInt(Files.readString(linearFile).strip()) : 0;
    long seconds = 0;
    for (int i = 0; i <= retries + linear; i++) {    // the wait after the first SYN and after each resend
        seconds += i <= linear ? 1 : 1L << (i - linear);
    }
    System.out.println("tcp_syn_retries = " + retries + ", tcp_syn_linear_timeouts = " + linear
            + ": Linux gives up after about " + seconds + " s");
} else {
    System.out.println(System.getProperty("os.name") + ": not Linux; the system has its own limit");
}
// end::syn-retries[]

// tag::connect-resolve[]
// A name may resolve to several addresses (IPv4 and IPv6, several servers): try each in turn.
InetAddress[] addresses = InetAddress.getAllByName("localhost");
System.out.println("localhost resolves to " + Arrays.toString(addresses));
var candidates = new ArrayList<InetSocketAddress>();
candidates.add(0, new InetSocketAddress(loopback, closedPort)); // this one will refuse
for (var a : addresses) candidates.add(new InetSocketAddress(a, port));
greeter = greetOne();
Socket connected = null;
for (int i = 0; i < candidates.size() && connected == null; i++) {
    var s = new Socket();
    try {
        s.connect(candidates.get(i), 1000); // each candidate gets its own timeout
        connected = s;
        System.out.println("candidate " + (i + 1) + ": connected");
    } catch (IOException e) {
        s.close();
        System.out.println("candidate " + (i + 1) + ": " + e.getMessage());
    }
}
connected.close();
greeter.join();
// end::connect-resolve[]

// tag::ipv6-loopback[]
// Two questions: is there an IPv6 loopback (::1)? And does the name "localhost" lead to it?
var v6loopback = InetAddress.getByName("::1");
System.out.println("::1 is on an interface here: " + (NetworkInterface.getByInetAddress(v6loopback) != null));
System.out.println("localhost resolves to " + Arrays.toString(InetAddress.getAllByName("localhost")));
Path hosts = Path.of("/etc/hosts");                   // on Windows: C:\Windows\System32\drivers\etc\hosts
if (Files.isReadable(hosts)) {
    for (String line : Files.readAllLines(hosts)) {
        if (!line.strip().startsWith("#") && List.of(line.strip().split("\\s+")).contains("localhost")) {
            System.out.println("/etc/hosts: " + line.strip());
        }
    }
}
// end::ipv6-loopback[]

// tag::dual-stack[]
// One listening socket on the wildcard, two clients: one over IPv4, one over IPv6 (if this host has ::1).
try (var anyFamily = new ServerSocket()) {
    anyFamily.bind(new InetSocketAddress(0));         // all interfaces: [::] on a dual-stack host
    anyFamily.setSoTimeout(2000);
    for (String literal : List.of("127.0.0.1", "::1")) {
        try (var c = new Socket()) {
            c.connect(new InetSocketAddress(InetAddress.getByName(literal), anyFamily.getLocalPort()), 1000);
            try (var conn = anyFamily.accept()) {
                System.out.println("client via " + literal + ": the server sees " + conn.getInetAddress());
            }
        } catch (IOException e) {
            System.out.println("client via " + literal + ": " + e.getMessage());
        }
    }
}
// end::dual-stack[]

// tag::one-by-one[]
// Three addresses for one name; the first two do not answer. One after another, 500 ms each:
var three = List.of(blackHole(), blackHole(), new InetSocketAddress(loopback, port));
greeter = greetOne();
long start = System.nanoTime();
for (int i = 0; i < three.size(); i++) {
    try (var s = new Socket()) {
        s.connect(three.get(i), 500);
        System.out.println("candidate " + (i + 1) + " connected, after " + comparedToTwoTimeouts(start));
        break;
    } catch (IOException e) {
        System.out.println("candidate " + (i + 1) + ": " + e.getMessage());
    }
}
greeter.join();
// end::one-by-one[]

// tag::staggered[]
// Happy Eyeballs in outline (RFC 8305): start the next attempt after a short delay, or at once
// when one fails, without cancelling the others; the first connection wins, the rest are closed.
Socket staggered(List<InetSocketAddress> candidates, long delayMs, int timeoutMs) throws Exception {
    var sockets = new ArrayList<Socket>();
    var pool = Executors.newFixedThreadPool(candidates.size());
    var results = new ExecutorCompletionService<Socket>(pool);
    Socket winner = null;
    Exception last = null;
    try {
        int started = 0, finished = 0;
        while (winner == null && finished < candidates.size()) {
            if (started < candidates.size()) {
                var s = new Socket();
                sockets.add(s);
                var target = candidates.get(started++);
                results.submit(() -> { s.connect(target, timeoutMs); return s; });
            }
            Future<Socket> next = started < candidates.size()
                    ? results.poll(delayMs, TimeUnit.MILLISECONDS)   // null: time to start the next one
                    : results.take();                                // each attempt is bounded by timeoutMs
            if (next == null) continue;
            finished++;
            try {
                winner = next.get();
            } catch (ExecutionException e) {
                last = (Exception) e.getCause();
            }
        }
        if (winner == null) throw last;
        return winner;
    } finally {
        for (var s : sockets) if (s != winner) s.close();    // the attempts still running lose
        pool.shutdown();
    }
}
greeter = greetOne();
start = System.nanoTime();
try (var s = staggered(three, 100, 500)) {
    System.out.println("staggered by 100 ms: candidate " + (three.indexOf(s.getRemoteSocketAddress()) + 1)
            + " won, after " + comparedToTwoTimeouts(start));
}
greeter.join();
// end::staggered[]
for (var h : holes) h.close();

// tag::unknown-host[]
// A name that does not resolve: InetSocketAddress keeps it unresolved; connect() says so.
var nowhere = new InetSocketAddress("no-such-host.invalid", 80);
System.out.println("unresolved: " + nowhere.isUnresolved());
// throws: java.net.UnknownHostException
try (var s = new Socket()) {
    s.connect(nowhere, 1000);
}
// end::unknown-host[]

server.close();
/exit
