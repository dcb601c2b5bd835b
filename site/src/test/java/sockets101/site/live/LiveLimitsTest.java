package sockets101.site.live;

import com.fasterxml.jackson.jr.ob.JSON;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The limits the live server promises, held against a hostile cell and a hostile page (issue 16):
 * all output capped, no framing, no process or thread outliving its kernel or its cell, native
 * memory and process count bounded, the token cookie out of script's reach, nothing attachable.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LiveLimitsTest {
    private static final String TOKEN = "fedcba9876543210";
    private static final int CAP = 2_000;
    private static final boolean LINUX = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux");

    @TempDir
    static Path dir;
    private static LiveServer server;
    private static HttpClient http;
    private static volatile String base;

    @BeforeAll
    static void start() throws Exception {
        Path site = Files.createDirectories(dir.resolve("site"));
        Files.writeString(site.resolve("index.html"), "<!DOCTYPE html><title>landing</title>");
        Path snippets = Files.createDirectories(dir.resolve("snippets"));
        Files.writeString(snippets.resolve("t.jsh"), """
                // tag::cell[]
                1 + 1
                // end::cell[]
                """);
        server = LiveServer.start(new LiveServer.Config(site, snippets, "127.0.0.1", 0, Duration.ofSeconds(2),
                CAP, 3, Duration.ofMinutes(10), TOKEN), false);
        base = "http://127.0.0.1:" + server.port();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<String> send(String method, String path, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> api(String method, String path, String body) throws Exception {
        return send(method, path, body, Map.of(LiveServer.TOKEN_HEADER, TOKEN, "Content-Type", "application/json"));
    }

    private static String newKernel() throws Exception {
        HttpResponse<String> created = api("POST", "/api/kernels", "");
        assertThat(created.statusCode()).as("a kernel starts: " + created.body()).isEqualTo(201);
        return (String) JSON.std.mapFrom(created.body()).get("kernel");
    }

    private static List<Map<String, Object>> run(String kernel, String code) throws Exception {
        HttpResponse<String> response = api("POST", "/api/kernels/" + kernel + "/run",
                JSON.std.asString(Map.of("cell", "t-cell", "code", code)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<Map<String, Object>> events = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            events.add(JSON.std.mapFrom(line));
        }
        assertThat(events.get(events.size() - 1)).containsEntry("event", "end");
        return events;
    }

    private static String text(List<Map<String, Object>> events) {
        return events.stream().filter(e -> e.containsKey("text")).map(e -> (String) e.get("text"))
                .collect(Collectors.joining());
    }

    private static Map<String, Object> end(List<Map<String, Object>> events) {
        return events.get(events.size() - 1);
    }

    // a snippet that needs a newer JDK than the server's (data-jdk) -----------------------------

    @Test
    void aCellThatNeedsANewerJdkSaysSoPlainly() throws Exception {
        String kernel = newKernel();
        try {
            HttpResponse<String> response = api("POST", "/api/kernels/" + kernel + "/run",
                    JSON.std.asString(Map.of("cell", "t-cell", "code", "1 + 1", "jdk", 1000)));
            assertThat(response.body()).contains("\"status\":\"error\"").contains("needs JDK 1000 or newer")
                    .contains("runs on JDK " + Runtime.version().feature());
            HttpResponse<String> older = api("POST", "/api/kernels/" + kernel + "/run",
                    JSON.std.asString(Map.of("cell", "t-cell", "code", "1 + 1", "jdk", 17)));
            assertThat(older.body()).contains("==> 2");
        } finally {
            api("DELETE", "/api/kernels/" + kernel, "");
        }
    }

    // 1 ------------------------------------------------------------------ output cap

    @Test
    void expressionValuesAndErrorsCountTowardsTheOutputCap() throws Exception {
        String kernel = newKernel();
        try {
            List<Map<String, Object>> echoes = run(kernel, "String big = \"x\".repeat(100_000);\n"
                    + "big\n".repeat(30));
            assertThat(end(echoes)).containsEntry("status", "capped");
            assertThat(text(echoes).length()).as("everything a cell returns, values included").isLessThanOrEqualTo(CAP);
            assertThat(text(echoes)).contains("[output cut at 2000 characters]");
            List<Map<String, Object>> thrown = run(kernel, "throw new IllegalStateException(\"y\".repeat(100_000));");
            assertThat(text(thrown).length()).as("an exception's message too").isLessThanOrEqualTo(CAP);
            assertThat(text(run(kernel, "1 + 2"))).contains("==> 3");
        } finally {
            api("DELETE", "/api/kernels/" + kernel, "");
        }
    }

    // 2 ------------------------------------------------------------------ framing, inline script

    @Test
    void everyPageAndApiResponseForbidsFramingAndInlineScript() throws Exception {
        List<HttpResponse<String>> responses = List.of(send("GET", "/index.html", "", Map.of()),
                send("GET", "/nope.html", "", Map.of()), send("GET", "/api/status", "", Map.of()),
                api("GET", "/api/status", ""));
        for (HttpResponse<String> response : responses) {
            HttpHeaders headers = response.headers();
            String csp = headers.firstValue("Content-Security-Policy").orElse("");
            assertThat(headers.firstValue("X-Frame-Options")).as(response.uri() + " " + response.statusCode())
                    .hasValue("DENY");
            assertThat(csp).as(response.uri().toString()).contains("frame-ancestors 'none'").contains("script-src 'self'");
            assertThat(csp.substring(csp.indexOf("script-src"))).startsWith("script-src 'self';")
                    .as("no inline script").doesNotStartWith("script-src 'self' 'unsafe-inline'");
        }
    }

    // 3 ------------------------------------------------------------------ processes end with their kernel

    @Test
    void everyProcessACellStartsEndsWithItsKernelEvenAfterSetsid() throws Exception {
        assumeTrue(LINUX && Files.isExecutable(Path.of("/usr/bin/setsid")), "setsid(1) is a Linux tool");
        assumeTrue(KernelJvm.isolation().endsProcesses(), "SKIPPED: no PID namespace here (" + KernelJvm.isolation() + ")");
        String marker = "7301." + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        String kernel = newKernel();
        try {
            List<Map<String, Object>> started = run(kernel, """
                    new ProcessBuilder("setsid", "-f", "sleep", "%1$s").start().waitFor();
                    new ProcessBuilder("sleep", "%1$s").start();
                    "started"
                    """.formatted(marker));
            assertThat(text(started)).contains("started");
            assertThat(sleepers(marker)).as("the cell's processes run").isNotEmpty();
        } finally {
            api("DELETE", "/api/kernels/" + kernel, "");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!sleepers(marker).isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        List<ProcessHandle> left = sleepers(marker);
        left.forEach(ProcessHandle::destroyForcibly); // leave the machine clean even when the test fails
        assertThat(left).as("processes left after the kernel was shut down").isEmpty();
    }

    private static List<ProcessHandle> sleepers(String marker) {
        return ProcessHandle.allProcesses().filter(p -> p.info().arguments()
                .map(a -> List.of(a).contains(marker)).orElse(false)).toList();
    }

    // 4 ------------------------------------------------------------------ threads end with their cell

    @Test
    void aThreadStillRunningAfterTheTimeLimitRestartsTheKernel() throws Exception {
        String kernel = newKernel();
        try {
            run(kernel, "int before = 1;");
            List<Map<String, Object>> spin = run(kernel, "new Thread(() -> { while (true) { } }).start();\nwhile (true) { }");
            assertThat(end(spin)).containsEntry("status", "restarted");
            assertThat((String) end(spin).get("message")).contains("thread").contains("restarted");
            assertThat(end(run(kernel, "before"))).as("a fresh kernel").containsEntry("status", "error");
        } finally {
            api("DELETE", "/api/kernels/" + kernel, "");
        }
    }

    @Test
    void stopTellsTheTruthAboutABackgroundThread() throws Exception {
        String kernel = newKernel();
        try {
            assertThat(api("POST", "/api/kernels/" + kernel + "/stop", "").body()).as("nothing runs")
                    .contains("\"stopped\":false");
            List<Map<String, Object>> left = run(kernel, """
                    Thread spinner = new Thread(() -> { while (true) { } });
                    spinner.setDaemon(true);
                    spinner.start();
                    """);
            assertThat(end(left)).containsEntry("status", "ok");
            String stopped = api("POST", "/api/kernels/" + kernel + "/stop", "").body();
            assertThat(stopped).contains("\"stopped\":true").contains("\"restarted\":true");
            assertThat(end(run(kernel, "spinner"))).as("a fresh kernel").containsEntry("status", "error");
        } finally {
            api("DELETE", "/api/kernels/" + kernel, "");
        }
    }

    @Test
    void aThreadLeftRunningCodeAfterItsCellEndedRestartsTheKernelAfterTheTimeLimit() throws Exception {
        try (Kernel kernel = new Kernel("0123456789abcdef0123456789abcdef",
                new Kernel.Limits(Duration.ofSeconds(2), CAP, Duration.ofSeconds(2)))) {
            Kernel.Cell cell = kernel.run("t", null, """
                    Thread spinner = new Thread(() -> { while (true) { } });
                    spinner.setDaemon(true);
                    spinner.start();
                    """, null);
            Map<String, Object> event;
            do {
                event = cell.events.poll(60, TimeUnit.SECONDS);
            } while (event != null && !"end".equals(event.get("event")));
            assertThat(event).as("the cell ended").isNotNull().containsEntry("status", "ok");
            long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
            while (kernel.starts() == 1 && System.nanoTime() < deadline) {
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(100).toNanos()); // a poll, with a deadline
            }
            assertThat(kernel.starts()).as("the kernel was restarted").isEqualTo(2);
            Kernel.Cell next = kernel.run("t", null, "1 + 1", null);
            StringBuilder said = new StringBuilder();
            do {
                event = next.events.poll(60, TimeUnit.SECONDS);
                if (event != null && event.get("text") instanceof String text) {
                    said.append(text);
                }
            } while (event != null && !"end".equals(event.get("event")));
            assertThat(said).as("the page hears of it").contains("kept running code").contains("==> 2");
        }
    }

    // 5 ------------------------------------------------------------------ native memory, processes

    @Test
    void nativeMemoryIsBounded() throws Exception {
        String kernel = newKernel();
        try {
            String direct = text(run(kernel, """
                    String direct;
                    try { java.nio.ByteBuffer.allocateDirect(640 << 20); direct = "direct: allocated"; }
                    catch (OutOfMemoryError e) { direct = "direct: refused"; }
                    direct
                    """));
            assertThat(direct).contains("direct: refused");
            assumeTrue(LINUX, "the address-space cap (prlimit) is Linux's");
            List<Map<String, Object>> events = run(kernel, """
                    var field = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
                    field.setAccessible(true);
                    var unsafe = (sun.misc.Unsafe) field.get(null);
                    var blocks = new java.util.ArrayList<Long>();
                    String malloc;
                    try {
                        for (int i = 0; i < 40; i++) {
                            blocks.add(unsafe.allocateMemory(16 << 20)); // the cap is on address space: no need to touch it
                        }
                        malloc = "malloc: allocated " + blocks.size() * 16 + " MiB";
                    } catch (OutOfMemoryError e) {
                        malloc = "malloc: refused after " + blocks.size() * 16 + " MiB";
                    } finally {
                        blocks.forEach(unsafe::freeMemory);
                    }
                    malloc
                    """);
            assertThat(text(events)).as("640 MiB outside the heap: " + end(events)).contains("malloc: refused after");
            assertThat(text(run(kernel, """
                    new ProcessBuilder("prlimit", "--pid", "" + ProcessHandle.current().pid(), "--as=unlimited").start().waitFor() == 0 ? "lifted" : "kept"
                    """))).as("a cell cannot lift its own cap").contains("\"kept\"");
        } finally {
            api("DELETE", "/api/kernels/" + kernel, "");
        }
    }

    @Test
    void theNumberOfProcessesAndThreadsIsBounded() throws Exception {
        assumeTrue(LINUX, "the process cap (prlimit, cgroup) is Linux's");
        assumeTrue(KernelJvm.isolation().boundsProcesses(), "SKIPPED: " + KernelJvm.isolation());
        // this server gives a cell 30 s: on a loaded machine 400 forks take more than 2 s
        try (LiveServer slow = LiveServer.start(new LiveServer.Config(dir.resolve("site"), dir.resolve("snippets"),
                "127.0.0.1", 0, Duration.ofSeconds(30), CAP, 1, Duration.ofMinutes(10), TOKEN), false)) {
            String saved = base;
            base = "http://127.0.0.1:" + slow.port();
            try {
                forksAreCapped();
            } finally {
                base = saved;
            }
        }
    }

    private static void forksAreCapped() throws Exception {
        String kernel = newKernel();
        try {
            // sh forks fast (a JVM's ProcessBuilder might not reach the cap within the cell's 2 s); one snippet, one compile
            List<Map<String, Object>> events = run(kernel, """
                    new String(new ProcessBuilder("sh", "-c", "n=0; while [ $n -lt 400 ]; do sleep 30 >/dev/null 2>&1 & n=$((n+1)); done; echo started $n").redirectErrorStream(true).start().getInputStream().readAllBytes())
                    """);
            assertThat(end(events)).containsEntry("status", "ok");
            assertThat(text(events)).contains("==> ").doesNotContain("started 400");
        } finally {
            api("DELETE", "/api/kernels/" + kernel, "");
        }
    }

    // 6 ------------------------------------------------------------------ the token cookie

    @Test
    void theTokenCookieIsOutOfScriptsReach() throws Exception {
        HttpResponse<String> landing = send("GET", "/index.html?token=" + TOKEN, "", Map.of());
        String cookie = landing.headers().firstValue("Set-Cookie").orElse("");
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict");
        String pair = cookie.substring(0, cookie.indexOf(';'));
        HttpResponse<String> session = send("GET", "/api/session", "", Map.of("Cookie", pair,
                LiveServer.SESSION_HEADER, "1"));
        assertThat(session.statusCode()).as(session.body()).isEqualTo(200);
        assertThat(session.body()).contains(TOKEN);
        assertThat(send("GET", "/api/session", "", Map.of("Cookie", pair, LiveServer.SESSION_HEADER, "1",
                "Origin", "http://127.0.0.1:1")).statusCode()).as("another origin").isEqualTo(403);
        assertThat(send("GET", "/api/session", "", Map.of("Cookie", pair)).statusCode())
                .as("a navigation (no custom header)").isEqualTo(403);
        assertThat(send("GET", "/api/session", "", Map.of(LiveServer.SESSION_HEADER, "1")).statusCode())
                .as("no cookie").isEqualTo(403);
    }

    // 7 ------------------------------------------------------------------ attach

    @Test
    void aCellCannotAttachToTheServerNorItsKernelToOthers() throws Exception {
        String kernel = newKernel();
        try {
            String attach = text(run(kernel, """
                    String attach;
                    try {
                        com.sun.tools.attach.VirtualMachine.attach("%d").detach();
                        attach = "attach: ATTACHED";
                    } catch (Exception e) {
                        attach = "attach: refused";
                    }
                    attach
                    """.formatted(ProcessHandle.current().pid())));
            assertThat(attach).contains("attach: refused");
            assertThat(text(run(kernel, "java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()")))
                    .contains("-XX:+DisableAttachMechanism");
        } finally {
            api("DELETE", "/api/kernels/" + kernel, "");
        }
    }
}
