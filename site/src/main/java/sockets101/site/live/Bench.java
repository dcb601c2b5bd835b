package sockets101.site.live;

import com.fasterxml.jackson.jr.ob.JSON;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Times the live server through its HTTP API, the way a page uses it: kernel start
 * ({@code POST /api/kernels}) and a trivial cell ({@code 1 + 1}) on a warm kernel (the whole
 * streamed response). Prints a Markdown table. Run by {@code scripts/bench-live}.
 *
 * <p>Usage: {@code Bench SITE_DIR SNIPPETS_DIR [RUNS]}
 */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Path site = Path.of(args[0]);
        Path snippets = Path.of(args[1]);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        String cell = firstCell(snippets);
        String token = "bench";
        LiveServer.Config config = new LiveServer.Config(site, snippets, "127.0.0.1", 0, Duration.ofSeconds(10),
                100_000, 2, Duration.ofMinutes(5), token);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try (LiveServer server = LiveServer.start(config, false)) {
            String base = "http://127.0.0.1:" + server.port();
            List<Double> starts = new ArrayList<>();
            String kernel = null;
            for (int i = 0; i < 5; i++) {
                long t0 = System.nanoTime();
                Map<String, Object> created = JSON.std.mapFrom(send(http, base, token, "POST", "/api/kernels", ""));
                starts.add((System.nanoTime() - t0) / 1e6);
                if (kernel != null) {
                    send(http, base, token, "DELETE", "/api/kernels/" + kernel, "");
                }
                kernel = (String) created.get("kernel");
            }
            String body = JSON.std.asString(Map.of("cell", cell, "code", "1 + 1"));
            for (int i = 0; i < 20; i++) {
                send(http, base, token, "POST", "/api/kernels/" + kernel + "/run", body); // warm-up (and file setup)
            }
            List<Double> cells = new ArrayList<>();
            List<Double> evals = new ArrayList<>();
            Pattern ms = Pattern.compile("\"ms\":(\\d+)");
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                String events = send(http, base, token, "POST", "/api/kernels/" + kernel + "/run", body);
                cells.add((System.nanoTime() - t0) / 1e6);
                Matcher m = ms.matcher(events);
                evals.add(m.find() ? Double.parseDouble(m.group(1)) : Double.NaN);
                if (!events.contains("==> 2") || !events.contains("\"status\":\"ok\"")) {
                    throw new IllegalStateException("unexpected answer: " + events);
                }
            }
            System.out.println();
            System.out.printf("Live server benchmark (JDK %s, %d cores, load average %.1f)%n%n", Runtime.version(),
                    Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.println("| measure | runs | median | p90 | max | target |");
            System.out.println("|---|---:|---:|---:|---:|---|");
            row("trivial cell `1 + 1` on a warm kernel (HTTP request to last event)", cells, "median < 100 ms");
            row("  of which JShell evaluation (the end event's `ms`)", evals, "");
            row("kernel start (`POST /api/kernels`: JShell JVM up, first eval done)", starts, "< 2000 ms");
        }
    }

    private static void row(String name, List<Double> values, String target) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        double p90 = sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1);
        System.out.printf("| %s | %d | %.0f ms | %.0f ms | %.0f ms | %s |%n", name, sorted.size(), median, p90,
                sorted.get(sorted.size() - 1), target);
    }

    private static String send(HttpClient http, String base, String token, String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header(LiveServer.TOKEN_HEADER, token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static String firstCell(Path snippets) throws IOException {
        Pattern tag = Pattern.compile("^\\s*//\\s*tag::([\\w.-]+)\\[]\\s*$", Pattern.MULTILINE);
        try (Stream<Path> files = Files.list(snippets)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".jsh")).sorted().toList()) {
                Matcher m = tag.matcher(Files.readString(file));
                if (m.find()) {
                    String name = file.getFileName().toString();
                    return name.substring(0, name.length() - 4) + "-" + m.group(1);
                }
            }
        }
        throw new IllegalStateException("no tagged snippet in " + snippets);
    }
}
