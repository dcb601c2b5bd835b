package sockets101.site.live;

import com.fasterxml.jackson.jr.ob.JSON;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves the built site and runs its snippets: the course as a notebook. Each open page gets a
 * kernel (a JShell, see {@link Kernel}) through a JSON API under {@code /api/}; every API call
 * must carry the token printed at start-up (header {@code X-Sockets101-Token}), come from this
 * server's own origin and name this server in {@code Host}.
 *
 * <pre>
 * GET    /api/session                 the token, for a page that has the (HttpOnly) cookie and sends X-Sockets101-Session
 * GET    /api/status                  {"live":true,"kernels":N,...}
 * POST   /api/kernels                 starts a kernel: {"kernel":ID,"startMs":N}
 * POST   /api/kernels/ID/run          {"cell":"FILE-TAG","code":"..."}: NDJSON events as the cell runs:
 *                                     {"event":"out"|"value"|"error","text":...} then {"event":"end","status":...}
 * POST   /api/kernels/ID/stop         stops the running cell (JShell.stop()), or a thread left running (restart)
 * POST   /api/kernels/ID/restart      a fresh JShell for the page
 * DELETE /api/kernels/ID              shuts the kernel down
 * </pre>
 *
 * <p>Usage: {@code LiveServer SITE_DIR [--snippets DIR] [--port N] [--host ADDRESS] [--time-limit SECONDS]
 * [--output-cap CHARS] [--max-kernels N] [--idle-minutes M] [--jdk JDK_HOME]}. It runs itself in a JVM
 * started with {@code -XX:+DisableAttachMechanism}, on the newest JDK found if a page's snippets need
 * a newer one than this ({@code data-jdk}, see {@link Jdks}).
 */
public final class LiveServer implements AutoCloseable {
    static final String TOKEN_HEADER = "X-Sockets101-Token";
    /** The header a page's script sends to exchange the token cookie for the token ({@code GET /api/session}). */
    static final String SESSION_HEADER = "X-Sockets101-Session";
    /**
     * Every response: only this server's own scripts and styles (the pages' style attributes
     * aside), no plugin, no framing by any page (clickjacking), fetches to this origin only.
     */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    private static final String RELAUNCHED = "sockets101.live.relaunched";
    private static final int MAX_BODY = 256 * 1024;
    private static final Pattern KERNEL_PATH = Pattern.compile("^/api/kernels/([0-9a-f]{32})(?:/(run|stop|restart))?$");
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8", "json", "application/json",
            "svg", "image/svg+xml", "png", "image/png", "txt", "text/plain; charset=utf-8");

    /** Everything the server is started with. */
    record Config(Path site, Path snippets, String host, int port, Duration timeLimit, int outputCap,
                  int maxKernels, Duration idle, String token) {
    }

    private final Config config;
    private final Path site;
    private final HttpServer server;
    private final ExecutorService pool;
    private final Kernels kernels;
    private final Cells cells;
    private final Set<String> hosts = new TreeSet<>();
    private final Set<String> origins = new TreeSet<>();
    private final byte[] token;

    private LiveServer(Config config, HttpServer server) {
        this.config = config;
        this.site = config.site().toAbsolutePath().normalize();
        this.server = server;
        this.token = config.token().getBytes(StandardCharsets.UTF_8);
        this.kernels = new Kernels(config.maxKernels(), config.idle(),
                new Kernel.Limits(config.timeLimit(), config.outputCap(), Duration.ofSeconds(2)));
        this.cells = new Cells(config.snippets());
        int port = server.getAddress().getPort();
        for (String name : new String[] {"127.0.0.1", "localhost", "[::1]", hostName(config.host())}) {
            hosts.add(name + ":" + port);
            origins.add("http://" + name + ":" + port);
        }
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "live-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::handle);
    }

    private static String hostName(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** Binds (the port, or any free one if it is taken and was not asked for explicitly) and starts serving. */
    static LiveServer start(Config config, boolean portFallback) throws IOException {
        InetAddress address = InetAddress.getByName(config.host());
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(address, config.port()), 64);
        } catch (BindException taken) {
            if (!portFallback) {
                throw taken;
            }
            http = HttpServer.create(new InetSocketAddress(address, 0), 64);
        }
        LiveServer live = new LiveServer(config, http);
        http.start();
        return live;
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The value of a numeric option, or exit 2 naming the option and the value. */
    private static int number(String option, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        System.err.println("option " + option + " takes a whole number of 0 or more, not '" + value + "'");
        System.exit(2);
        return 0;
    }

    /** The address to open, token included. */
    String url() {
        return "http://" + hostName(config.host().equals("127.0.0.1") ? "127.0.0.1" : config.host()) + ":" + port()
                + "/?token=" + config.token();
    }

    public static void main(String[] args) throws IOException {
        if (!Boolean.getBoolean(RELAUNCHED) && args.length >= 1) {
            Jdks.Jdk jdk = jdkFor(args);
            if (!attachDisabled() || !jdk.home().equals(Path.of(System.getProperty("java.home")).toAbsolutePath().normalize())) {
                System.exit(relaunch(jdk, args));
            }
        }
        if (args.length < 1) {
            System.err.println("usage: LiveServer SITE_DIR [--snippets DIR] [--port N] [--host ADDRESS] "
                    + "[--time-limit SECONDS] [--output-cap CHARS] [--max-kernels N] [--idle-minutes M] [--jdk JDK_HOME]");
            System.exit(2);
        }
        Path site = Path.of(args[0]);
        Path snippets = Path.of("lessons/snippets");
        String host = "127.0.0.1";
        Integer port = null;
        Duration time = Duration.ofSeconds(10);
        int cap = 100_000;
        int max = 4;
        Duration idle = Duration.ofMinutes(10);
        for (int i = 1; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                System.err.println("option " + args[i] + " needs a value");
                System.exit(2);
            }
            switch (args[i]) {
                case "--snippets" -> snippets = Path.of(value);
                case "--port" -> port = number(args[i], value);
                case "--host" -> host = value;
                case "--time-limit" -> time = Duration.ofSeconds(number(args[i], value));
                case "--output-cap" -> cap = number(args[i], value);
                case "--max-kernels" -> max = number(args[i], value);
                case "--idle-minutes" -> idle = Duration.ofMinutes(number(args[i], value));
                case "--jdk" -> {
                    // chosen before the relaunch (jdkFor)
                }
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        if (!Files.isRegularFile(site.resolve("index.html"))) {
            System.err.println("no built site in " + site.toAbsolutePath() + ": build it first (./mvnw -q -B package -DskipTests)");
            System.exit(2);
        }
        if (!Files.isDirectory(snippets)) {
            System.err.println("no snippets folder " + snippets.toAbsolutePath() + " (give --snippets DIR)");
            System.exit(2);
        }
        String token = HexFormat.of().formatHex(random(24));
        if (!InetAddress.getByName(host).isLoopbackAddress()) {
            System.err.println("WARNING: listening on " + host + ", not on loopback: anyone who can reach this "
                    + "machine and learns the token can run code on it as you.");
        }
        LiveServer live = start(new Config(site, snippets, host, port == null ? 8101 : port, time, cap, max, idle, token),
                port == null);
        Runtime.getRuntime().addShutdownHook(new Thread(live::close, "live-shutdown"));
        System.out.println();
        System.out.println("Sockets 101 is served, every snippet runnable, at:");
        System.out.println();
        System.out.println("    " + live.url());
        System.out.println();
        System.out.println("Open that address (it holds the token the page needs to run code). Each open page gets a");
        System.out.println("JShell kernel (at most " + max + " at once, " + time.toSeconds() + " s per cell, shut down after "
                + idle.toMinutes() + " min idle). Ctrl-C stops the server.");
        System.out.println("Kernels: " + KernelJvm.isolation() + ".");
    }

    /**
     * The JDK to serve on: this one, unless the site has snippets that need a newer one
     * ({@code data-jdk}) and one is found ({@code --jdk PATH} first), which is then said.
     */
    private static Jdks.Jdk jdkFor(String[] args) {
        Jdks.Jdk current = new Jdks.Jdk(Path.of(System.getProperty("java.home")).toAbsolutePath().normalize(),
                Runtime.version().feature());
        Path given = null;
        for (int i = 1; i + 1 < args.length; i++) {
            if (args[i].equals("--jdk")) {
                given = Path.of(args[i + 1]);
            }
        }
        int needed = Jdks.needed(Path.of(args[0]));
        if (needed <= current.feature() && given == null) {
            return current;
        }
        java.util.Optional<Jdks.Jdk> found = Jdks.find(Math.max(needed, current.feature()), given);
        if (found.isEmpty()) {
            System.err.println("[live] some snippets need JDK " + needed + " or newer and none was found (JAVA_HOME, "
                    + "/usr/lib/jvm, --jdk PATH): they will say so when run; the others run on JDK " + current.feature());
            return current;
        }
        System.out.println("[live] serving on JDK " + found.get().feature() + " (" + found.get().home() + ")"
                + (needed > current.feature() ? ": some snippets need JDK " + needed + " or newer" : ""));
        return found.get();
    }

    /** Whether this JVM refuses attach ({@code jcmd}, heap dumps): it holds the token and every kernel. */
    static boolean attachDisabled() {
        try {
            return Boolean.parseBoolean(java.lang.management.ManagementFactory
                    .getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .getVMOption("DisableAttachMechanism").getValue());
        } catch (RuntimeException e) {
            return false; // not HotSpot: relaunch with the flag anyway (an unknown -XX flag is said plainly)
        }
    }

    /**
     * Runs the server in a JVM of its own started with {@code -XX:+DisableAttachMechanism}
     * (the flag cannot be set once a JVM runs), with this JVM's options, class path and
     * arguments; returns its exit status. This JVM holds no token and no kernel.
     */
    private static int relaunch(Jdks.Jdk jdk, String[] args) throws IOException {
        java.util.List<String> command = new java.util.ArrayList<>();
        command.add(jdk.java().toString());
        command.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-XX:+DisableAttachMechanism");
        command.add("-D" + RELAUNCHED + "=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(LiveServer.class.getName());
        command.addAll(java.util.List.of(args));
        Process server = new ProcessBuilder(command).inheritIO().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.destroy(); // Ctrl-C: the server shuts its kernels down
            try {
                server.waitFor(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "live-relaunch-shutdown"));
        try {
            return server.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }

    // ---------------------------------------------------------------- requests

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Security-Policy", CSP);
            exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
            exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            String host = exchange.getRequestHeaders().getFirst("Host");
            if (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT))) {
                send(exchange, 403, error("unexpected Host header: open the address the server printed"));
                return;
            }
            String path = exchange.getRequestURI().getRawPath();
            if (path.equals("/api") || path.startsWith("/api/")) {
                api(exchange, path);
            } else {
                file(exchange, path);
            }
        } catch (IOException e) {
            throw e; // the client went away
        } catch (RuntimeException | Error e) {
            System.err.println("[live] " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + ": " + e);
            e.printStackTrace();
            try {
                send(exchange, 500, error("internal error in the live server (its console says more)"));
            } catch (IOException | RuntimeException ignored) {
                // headers already sent: nothing more to say
            }
        }
    }

    private void api(HttpExchange exchange, String path) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin != null && !origins.contains(origin.toLowerCase(Locale.ROOT))) {
            send(exchange, 403, error("requests from another origin (" + origin + ") are refused"));
            return;
        }
        String method = exchange.getRequestMethod();
        if (path.equals("/api/session")) {
            session(exchange, method);
            return;
        }
        String given = exchange.getRequestHeaders().getFirst(TOKEN_HEADER);
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token)) {
            send(exchange, 403, error("missing or wrong token: open the address the server printed (with ?token=...)"));
            return;
        }
        if (path.equals("/api/status")) {
            if (!method.equals("GET")) {
                send(exchange, 405, error("use GET"));
                return;
            }
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("live", true);
            status.put("kernels", kernels.size());
            status.put("maxKernels", kernels.max());
            status.put("timeLimitSeconds", config.timeLimit().toSeconds());
            status.put("outputCap", config.outputCap());
            send(exchange, 200, status);
            return;
        }
        if (path.equals("/api/kernels")) {
            if (!method.equals("POST")) {
                send(exchange, 405, error("use POST"));
                return;
            }
            long start = System.nanoTime();
            try {
                Kernel kernel = kernels.create();
                send(exchange, 201, Map.of("kernel", kernel.id(), "startMs", (System.nanoTime() - start) / 1_000_000));
            } catch (Kernels.FullException e) {
                send(exchange, 503, error(e.getMessage()));
            } catch (IllegalStateException e) {
                System.err.println("[live] a kernel did not start: " + e.getMessage());
                send(exchange, 503, error("the kernel did not start: " + e.getMessage()));
            }
            return;
        }
        Matcher m = KERNEL_PATH.matcher(path);
        if (!m.matches()) {
            send(exchange, 404, error("no such API call: " + path));
            return;
        }
        Kernel kernel = kernels.get(m.group(1));
        if (kernel == null) {
            Map<String, Object> gone = error("this page's kernel is gone (shut down after being idle, or the server "
                    + "restarted): a new one is needed");
            gone.put("code", "kernel-gone");
            send(exchange, 404, gone);
            return;
        }
        String action = m.group(2);
        if (action == null) {
            if (!method.equals("DELETE")) {
                send(exchange, 405, error("use DELETE"));
                return;
            }
            kernels.remove(kernel.id());
            send(exchange, 200, Map.of("closed", true));
            return;
        }
        if (!method.equals("POST")) {
            send(exchange, 405, error("use POST"));
            return;
        }
        switch (action) {
            case "stop" -> {
                Kernel.StopResult stopped = kernel.stop();
                send(exchange, 200, Map.of("stopped", stopped.stopped(), "restarted", stopped.restarted(),
                        "message", stopped.message()));
            }
            case "restart" -> {
                long start = System.nanoTime();
                kernel.restart();
                send(exchange, 200, Map.of("kernel", kernel.id(), "startMs", (System.nanoTime() - start) / 1_000_000));
            }
            default -> run(exchange, kernel);
        }
    }

    private void run(HttpExchange exchange, Kernel kernel) throws IOException {
        Map<String, Object> body;
        try {
            body = readJson(exchange);
        } catch (IllegalArgumentException e) {
            send(exchange, 400, error(e.getMessage()));
            return;
        }
        Object code = body.get("code");
        Object name = body.get("cell");
        if (!(code instanceof String) || !(name instanceof String)) {
            send(exchange, 400, error("send {\"cell\": \"FILE-TAG\", \"code\": \"...\"}"));
            return;
        }
        Cells.Cell cell = cells.find((String) name);
        if (cell == null) {
            send(exchange, 404, error("no snippet cell " + name));
            return;
        }
        if (body.get("jdk") instanceof Number jdk && jdk.intValue() > Runtime.version().feature()) {
            String message = Jdks.tooOld(jdk.intValue()); // JShell compiles here: a kernel on a newer JDK would not help
            exchange.getResponseHeaders().set("Content-Type", "application/x-ndjson; charset=utf-8");
            byte[] events = (JSON.std.asString(Map.of("event", "error", "text", message + "\n")) + "\n"
                    + JSON.std.asString(Map.of("event", "end", "status", "error", "ms", 0, "message", message)) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, events.length);
            exchange.getResponseBody().write(events);
            return;
        }
        Kernel.Cell running;
        try {
            running = kernel.run(cell.file(), cells.setup(cell.file()), (String) code, cells.expected(cell));
        } catch (Kernel.BusyException e) {
            send(exchange, 409, error(e.getMessage()));
            return;
        } catch (IllegalStateException e) {
            send(exchange, 404, error(e.getMessage()));
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/x-ndjson; charset=utf-8");
        exchange.sendResponseHeaders(200, 0); // chunked: each event goes out as it comes
        OutputStream out = exchange.getResponseBody();
        try {
            while (true) {
                Map<String, Object> event = running.events.poll(30, TimeUnit.SECONDS);
                if (event == null) {
                    event = Map.of("event", "ping"); // keeps idle connections honest; pages ignore it
                }
                out.write((JSON.std.asString(event) + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                if ("end".equals(event.get("event"))) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException gone) {
            kernel.stop(); // nobody is reading any more
        }
    }

    private String cookieName() {
        return "sockets101-token-" + port();
    }

    /**
     * The token, for a script of this origin that has the cookie: a foreign Origin is refused
     * before this, a navigation or a form cannot send the custom header, and a script of another
     * origin that could (after a CORS preflight nobody answers) cannot read the answer.
     */
    private void session(HttpExchange exchange, String method) throws IOException {
        if (!method.equals("GET")) {
            send(exchange, 405, error("use GET"));
            return;
        }
        if (!"1".equals(exchange.getRequestHeaders().getFirst(SESSION_HEADER))) {
            send(exchange, 403, error("the token is only given to this site's own pages"));
            return;
        }
        String prefix = cookieName() + "=";
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", java.util.List.of())) {
            for (String pair : header.split(";")) {
                String trimmed = pair.strip();
                if (trimmed.startsWith(prefix) && MessageDigest.isEqual(
                        trimmed.substring(prefix.length()).getBytes(StandardCharsets.UTF_8), token)) {
                    send(exchange, 200, Map.of("token", config.token()));
                    return;
                }
            }
        }
        send(exchange, 403, error("no session: open the address the server printed (with ?token=...)"));
    }

    private static Map<String, Object> readJson(HttpExchange exchange) throws IOException {
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readNBytes(MAX_BODY + 1);
        }
        if (bytes.length > MAX_BODY) {
            throw new IllegalArgumentException("request body over " + MAX_BODY / 1024 + " KiB");
        }
        try {
            Map<String, Object> map = JSON.std.mapFrom(new String(bytes, StandardCharsets.UTF_8));
            return map == null ? Map.of() : map;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("the request body is not a JSON object");
        }
    }

    private void file(HttpExchange exchange, String rawPath) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            send(exchange, 405, error("use GET"));
            return;
        }
        String path;
        try {
            path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            notFound(exchange);
            return;
        }
        if (!path.startsWith("/") || path.contains("\0") || path.contains("\\")
                || java.util.Arrays.asList(path.split("/")).contains("..")) {
            notFound(exchange);
            return;
        }
        Path file = site.resolve(path.substring(1)).normalize();
        if (!file.startsWith(site)) {
            notFound(exchange);
            return;
        }
        if (Files.isDirectory(file)) {
            file = file.resolve("index.html");
        }
        if (!Files.isRegularFile(file) || !file.toRealPath().startsWith(site.toRealPath())) {
            notFound(exchange);
            return;
        }
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("token=") && MessageDigest.isEqual(
                        pair.substring(6).getBytes(StandardCharsets.UTF_8), token)) {
                    // carries the token from the printed address to every page of this tab's session;
                    // the API still wants it in a header, so the cookie alone grants nothing
                    // HttpOnly: no script reads it, not even one of another page on another loopback port
                    // (cookies ignore ports); a page of this origin trades it for the token (/api/session)
                    exchange.getResponseHeaders().add("Set-Cookie", cookieName() + "=" + config.token()
                            + "; Path=/; HttpOnly; SameSite=Strict");
                }
            }
        }
        String name = file.getFileName().toString();
        exchange.getResponseHeaders().set("Content-Type",
                TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream"));
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        if (method.equals("HEAD")) {
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        exchange.sendResponseHeaders(200, Files.size(file));
        try (OutputStream out = exchange.getResponseBody()) {
            Files.copy(file, out);
        }
    }

    private void notFound(HttpExchange exchange) throws IOException {
        send(exchange, 404, error("not found"));
    }

    private static Map<String, Object> error(String message) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("error", message);
        return map;
    }

    private static void send(HttpExchange exchange, int status, Map<String, Object> json) throws IOException {
        byte[] body = (JSON.std.asString(json) + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
        kernels.close();
        pool.shutdownNow();
    }
}
