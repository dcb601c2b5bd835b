package sockets101.site.live;

import com.fasterxml.jackson.jr.ob.JSON;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The live server over real HTTP on loopback: security checks, kernels, limits, load. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LiveServerTest {
    private static final String TOKEN = "0123456789abcdef";
    private static final String SECRET = "top secret, outside the site";

    @TempDir
    static Path dir;
    private static LiveServer server;
    private static HttpClient http;
    private static String base;
    private static String kernel;

    @BeforeAll
    static void start() throws Exception {
        Path site = Files.createDirectories(dir.resolve("site"));
        Files.createDirectories(site.resolve("en"));
        Files.writeString(site.resolve("index.html"), "<!DOCTYPE html><title>landing</title>");
        Files.writeString(site.resolve("en/lesson.html"), "<!DOCTYPE html><title>lesson</title>");
        Files.writeString(dir.resolve("secret.txt"), SECRET);
        Path snippets = Files.createDirectories(dir.resolve("snippets"));
        Files.writeString(snippets.resolve("t-1.jsh"), """
                // setup: runs once per kernel, before the file's first cell
                import java.util.concurrent.atomic.*;
                var fromSetup = new AtomicInteger(7);

                // tag::cell[]
                fromSetup.get()
                // end::cell[]

                // tag::meant-to-throw[]
                // throws: IllegalStateException
                throw new IllegalStateException("meant");
                // end::meant-to-throw[]
                /exit
                """);
        server = LiveServer.start(new LiveServer.Config(site, snippets, "127.0.0.1", 0, Duration.ofSeconds(2),
                2_000, 2, Duration.ofMinutes(10), TOKEN), false);
        base = "http://127.0.0.1:" + server.port();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> created = send("POST", "/api/kernels", "", TOKEN, null);
        assertThat(created.statusCode()).as("a kernel starts: " + created.body()).isEqualTo(201);
        kernel = (String) JSON.std.mapFrom(created.body()).get("kernel");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<String> send(String method, String path, String body, String token, String origin)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (token != null) {
            request.header(LiveServer.TOKEN_HEADER, token);
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Runs a cell and returns its events, the last one being the end. */
    private static List<Map<String, Object>> run(String code) throws Exception {
        return run("t-1-cell", code);
    }

    private static List<Map<String, Object>> run(String cell, String code) throws Exception {
        HttpResponse<String> response = send("POST", "/api/kernels/" + kernel + "/run",
                JSON.std.asString(Map.of("cell", cell, "code", code)), TOKEN, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<Map<String, Object>> events = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            events.add(JSON.std.mapFrom(line));
        }
        assertThat(events.get(events.size() - 1)).containsEntry("event", "end");
        return events;
    }

    private static String text(List<Map<String, Object>> events) {
        return events.stream().filter(e -> e.containsKey("text")).map(e -> (String) e.get("text")).collect(Collectors.joining());
    }

    private static Map<String, Object> end(List<Map<String, Object>> events) {
        return events.get(events.size() - 1);
    }

    /** A request written by hand, so that Host and the path go out exactly as given. */
    private static String raw(String requestLine, String host) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void noTokenOrAWrongOneIsRefused() throws Exception {
        assertThat(send("GET", "/api/status", "", null, null).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/kernels", "", null, null).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/kernels/" + kernel + "/run", "{}", "wrong", null).statusCode()).isEqualTo(403);
        HttpResponse<String> refused = send("GET", "/api/status", "", null, null);
        assertThat(refused.body()).contains("token").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(send("GET", "/api/status", "", TOKEN, null).statusCode()).isEqualTo(200);
    }

    @Test
    void aForeignOriginIsRefused() throws Exception {
        assertThat(send("GET", "/api/status", "", TOKEN, "http://evil.example").statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/kernels/" + kernel + "/run", "{}", TOKEN, "http://127.0.0.1:1").statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/api/status", "", TOKEN, base).statusCode()).isEqualTo(200);
    }

    @Test
    void aForeignHostIsRefusedAgainstDnsRebinding() throws Exception {
        assertThat(raw("GET /api/status HTTP/1.1\r\n" + LiveServer.TOKEN_HEADER + ": " + TOKEN, "evil.example"))
                .startsWith("HTTP/1.1 403");
        assertThat(raw("GET /index.html HTTP/1.1", "evil.example:" + server.port())).startsWith("HTTP/1.1 403");
        assertThat(raw("GET /index.html HTTP/1.1", "127.0.0.1:" + server.port())).startsWith("HTTP/1.1 200");
        assertThat(raw("GET /index.html HTTP/1.1", "localhost:" + server.port())).startsWith("HTTP/1.1 200");
    }

    @Test
    void nothingOutsideTheSiteIsServed() throws Exception {
        String host = "127.0.0.1:" + server.port();
        for (String path : List.of("/../secret.txt", "/en/../../secret.txt", "/%2e%2e/secret.txt", "/en/%2E%2E/%2e%2e/secret.txt",
                "/..%2fsecret.txt", "/en/..%5c..%5csecret.txt", "/nope.html")) {
            String response = raw("GET " + path + " HTTP/1.1", host);
            assertThat(response).as(path).startsWith("HTTP/1.1 404").doesNotContain(SECRET);
        }
        assertThat(raw("GET /en/lesson.html HTTP/1.1", host)).startsWith("HTTP/1.1 200").contains("<title>lesson");
    }

    @Test
    void cellsSeeTheLibrariesTheLessonsUse() throws Exception {
        // lesson 07's cells talk to in-process servers with Commons Net and GreenMail
        assertThat(text(run("new org.apache.commons.net.ftp.FTPClient().getClass().getSimpleName()")))
                .contains("==> \"FTPClient\"");
        assertThat(text(run("com.icegreen.greenmail.util.ServerSetupTest.SMTP.getProtocol()"))).contains("==> \"smtp\"");
    }

    @Test
    void stateIsKeptAcrossCellsAndTheFileSetupRuns() throws Exception {
        assertThat(end(run("int x = 41;"))).containsEntry("status", "ok");
        List<Map<String, Object>> next = run("x + 1");
        assertThat(text(next)).contains("==> 42");
        assertThat(text(run("fromSetup.incrementAndGet()"))).as("the file's setup ran on the kernel").contains("==> 8");
    }

    @Test
    void anEndlessLoopIsStoppedAtTheLimitAndTheKernelStillWorks() throws Exception {
        run("String kept = \"still here\";");
        long start = System.nanoTime();
        List<Map<String, Object>> loop = run("while (true) { }");
        assertThat(end(loop)).containsEntry("status", "timeout");
        assertThat((String) end(loop).get("message")).contains("time limit of 2 s");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(text(run("kept"))).contains("still here");
    }

    @Test
    void aCellBlockedInNativeCodeIsEndedAtTheLimitAndTheKernelStillWorks() throws Exception {
        List<Map<String, Object>> blocked = run("""
                try (var nobody = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                    nobody.accept();
                }
                """);
        assertThat((String) end(blocked).get("status")).isIn("timeout", "restarted");
        assertThat((String) end(blocked).get("message")).contains("time limit of 2 s");
        assertThat(text(run("20 + 22"))).contains("==> 42");
    }

    @Test
    void systemExitEndsTheKernelWhichRestartsWithAClearMessage() throws Exception {
        run("int before = 1;");
        List<Map<String, Object>> exit = run("System.out.println(\"bye\"); System.exit(3);");
        assertThat(end(exit)).containsEntry("status", "restarted");
        assertThat((String) end(exit).get("message")).contains("System.exit").contains("restarted");
        List<Map<String, Object>> after = run("before");
        assertThat(end(after)).as("a fresh kernel has no earlier state").containsEntry("status", "error");
        assertThat(text(run("6 * 7"))).as("the fresh kernel runs cells").contains("==> 42");
    }

    @Test
    void outputStreamsAsItComes() throws Exception {
        // The cell cannot end until the test connects, which it does on reading the cell's first line:
        // so that line must have arrived while the cell was still running.
        String code = """
                var gate = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                System.out.println("port " + gate.getLocalPort());
                gate.accept().close();
                gate.close();
                System.out.println("released");
                """;
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/kernels/" + kernel + "/run"))
                .timeout(Duration.ofSeconds(30)).header(LiveServer.TOKEN_HEADER, TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.std.asString(Map.of("cell", "t-1-cell", "code", code))))
                .build();
        HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        List<String> texts = new ArrayList<>();
        String status = null;
        for (String line : (Iterable<String>) response.body()::iterator) {
            Map<String, Object> event = JSON.std.mapFrom(line);
            if (event.get("text") instanceof String text) {
                texts.add(text);
                if (text.startsWith("port ")) {
                    new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(text.strip().substring(5))).close();
                }
            }
            if ("end".equals(event.get("event"))) {
                status = (String) event.get("status");
            }
        }
        assertThat(status).isEqualTo("ok");
        assertThat(String.join("", texts)).contains("released");
    }

    @Test
    void stopStopsTheRunningCell() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/kernels/" + kernel + "/run"))
                .timeout(Duration.ofSeconds(30)).header(LiveServer.TOKEN_HEADER, TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.std.asString(Map.of("cell", "t-1-cell",
                        "code", "System.out.println(\"looping\"); while (true) { }"))))
                .build();
        HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        String status = null;
        for (String line : (Iterable<String>) response.body()::iterator) {
            Map<String, Object> event = JSON.std.mapFrom(line);
            if ("looping\n".equals(event.get("text"))) {
                assertThat(send("POST", "/api/kernels/" + kernel + "/run", "{\"cell\":\"t-1-cell\",\"code\":\"1\"}", TOKEN, null)
                        .statusCode()).as("one cell at a time per kernel").isEqualTo(409);
                assertThat(send("POST", "/api/kernels/" + kernel + "/stop", "", TOKEN, null).body()).contains("true");
            }
            if ("end".equals(event.get("event"))) {
                status = (String) event.get("status");
            }
        }
        assertThat(status).isEqualTo("stopped");
    }

    @Test
    void outputIsCappedPerCell() throws Exception {
        List<Map<String, Object>> flood = run("for (long i = 0; ; i++) System.out.println(\"line \" + i);");
        assertThat(end(flood)).containsEntry("status", "capped");
        assertThat(text(flood).length()).isLessThanOrEqualTo(2_000);
        assertThat(text(run("1 + 2"))).contains("==> 3");
    }

    @Test
    void errorsAreClearAndLeakNoStackTrace() throws Exception {
        HttpResponse<String> bad = send("POST", "/api/kernels/" + kernel + "/run", "{not json", TOKEN, null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("JSON").doesNotContain("\tat ").doesNotContain("Exception");
        HttpResponse<String> unknownCell = send("POST", "/api/kernels/" + kernel + "/run",
                "{\"cell\":\"../etc-passwd\",\"code\":\"1\"}", TOKEN, null);
        assertThat(unknownCell.statusCode()).isEqualTo(404);
        HttpResponse<String> gone = send("POST", "/api/kernels/" + "0".repeat(32) + "/run", "{}", TOKEN, null);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.body()).contains("kernel-gone");
        List<Map<String, Object>> thrown = run("throw new IllegalStateException(\"boom\");");
        assertThat(end(thrown)).containsEntry("status", "error");
        assertThat(text(thrown)).contains("Exception java.lang.IllegalStateException: boom").doesNotContain("\tat ");
        assertThat(end(run("int y = \"text\";"))).containsEntry("status", "error");
    }

    @Test
    void aCellMeantToThrowIsOkWhenItThrowsThatException() throws Exception {
        List<Map<String, Object>> meant = run("t-1-meant-to-throw", "throw new IllegalStateException(\"meant\");");
        assertThat(end(meant)).containsEntry("status", "ok");
        assertThat((String) end(meant).get("message")).contains("as the lesson expects");
        assertThat(text(meant)).contains("IllegalStateException: meant");
        List<Map<String, Object>> other = run("t-1-meant-to-throw", "throw new IllegalArgumentException(\"edited\");");
        assertThat(end(other)).containsEntry("status", "error");
    }

    @Test
    void fiftyConcurrentRequestsAreAnswered() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(50);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String path = i % 2 == 0 ? "/api/status" : "/en/lesson.html";
                calls.add(() -> send("GET", path, "", TOKEN, null).statusCode());
            }
            List<Future<Integer>> answers = clients.invokeAll(calls, 60, TimeUnit.SECONDS);
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void theKernelCapHoldsAndIdleKernelsAreShutDown() throws Exception {
        Path site = dir.resolve("site");
        try (LiveServer small = LiveServer.start(new LiveServer.Config(site, dir.resolve("snippets"), "127.0.0.1", 0,
                Duration.ofSeconds(2), 2_000, 1, Duration.ofMillis(1_500), TOKEN), false)) {
            String smallBase = "http://127.0.0.1:" + small.port();
            HttpRequest create = HttpRequest.newBuilder(URI.create(smallBase + "/api/kernels")).timeout(Duration.ofSeconds(30))
                    .header(LiveServer.TOKEN_HEADER, TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build();
            HttpResponse<String> first = http.send(create, HttpResponse.BodyHandlers.ofString());
            assertThat(first.statusCode()).isEqualTo(201);
            HttpResponse<String> second = http.send(create, HttpResponse.BodyHandlers.ofString());
            assertThat(second.statusCode()).isEqualTo(503);
            assertThat(second.body()).contains("kernels are already running");
            HttpRequest status = HttpRequest.newBuilder(URI.create(smallBase + "/api/status"))
                    .header(LiveServer.TOKEN_HEADER, TOKEN).build();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            String body = http.send(status, HttpResponse.BodyHandlers.ofString()).body();
            while (!body.contains("\"kernels\":0") && System.nanoTime() < deadline) {
                Thread.onSpinWait();
                body = http.send(status, HttpResponse.BodyHandlers.ofString()).body();
            }
            assertThat(body).as("the idle kernel was shut down").contains("\"kernels\":0");
            assertThat(http.send(create, HttpResponse.BodyHandlers.ofString()).statusCode())
                    .as("room for a new kernel once the idle one is gone").isEqualTo(201);
        }
    }
}
