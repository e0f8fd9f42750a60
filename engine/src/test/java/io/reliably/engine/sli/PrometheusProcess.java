package io.reliably.engine.sli;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Prometheus (Debian's package) on a free loopback port, scraping a loopback exporter every
 * second, with its own temporary storage. Started and stopped by the test that uses it.
 */
final class PrometheusProcess implements AutoCloseable {

    private final Path dir;
    private final HttpServer exporter;
    private final Process process;
    private final int port;

    private PrometheusProcess(Path dir, HttpServer exporter, Process process, int port) {
        this.dir = dir;
        this.exporter = exporter;
        this.process = process;
        this.port = port;
    }

    /** The prometheus binary, or {@code null} when it is not installed. */
    static Path binary() {
        for (String entry : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(entry, "prometheus");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    static PrometheusProcess start(Path binary) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("reliably-prometheus");
        HttpServer exporter = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        long born = System.currentTimeMillis();
        exporter.createContext("/metrics", exchange -> {
            double seconds = (System.currentTimeMillis() - born) / 1000.0;
            String body = "# HELP demo_requests_total Requests served.\n"
                    + "# TYPE demo_requests_total counter\n"
                    + "demo_requests_total{service=\"carts\",code=\"200\"} " + (long) (10 * seconds) + "\n"
                    + "demo_requests_total{service=\"carts\",code=\"500\"} " + (long) seconds + "\n"
                    + "# HELP demo_queue_depth Messages waiting.\n"
                    + "# TYPE demo_queue_depth gauge\n"
                    + "demo_queue_depth{service=\"carts\",version=\"v1\"} 7\n"
                    + "demo_queue_depth{service=\"carts\",version=\"v2\"} 3\n";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        exporter.start();
        int port = freePort();
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: demo
                    scrape_interval: 1s
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """.formatted(exporter.getAddress().getPort()));
        Process process = new ProcessBuilder(binary.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("prometheus.log").toFile())
                .start();
        PrometheusProcess prometheus = new PrometheusProcess(dir, exporter, process, port);
        try {
            prometheus.awaitSeries(Duration.ofSeconds(90));
        } catch (IOException | RuntimeException | InterruptedException e) {
            prometheus.close();
            throw e;
        }
        return prometheus;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Waits (bounded) until rates can be computed: a few scrapes of the counter are stored. */
    private void awaitSeries(Duration limit) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String query = URLEncoder.encode("count_over_time(demo_requests_total{code=\"500\"}[1m]) >= 4", StandardCharsets.UTF_8);
        long deadline = System.nanoTime() + limit.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("prometheus exited with " + process.exitValue() + ": " + log());
            }
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                                URI.create(url() + "/api/v1/query?query=" + query)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                last = response.body();
                if (response.statusCode() == 200 && last.contains("\"value\"")) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("prometheus had no series after " + limit + ": " + last + "\n" + log());
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("prometheus.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        exporter.stop(0);
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }
}
