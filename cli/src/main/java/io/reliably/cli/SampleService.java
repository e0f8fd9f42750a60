package io.reliably.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's system under experiment: a tiny HTTP service on 127.0.0.1 with a fault it can inject.
 *
 * <ul>
 *   <li>{@code GET /health}: 200 {@code {"status":"ok"}}; 503 {@code {"status":"failing"}} while the
 *       error fault is on.</li>
 *   <li>{@code GET /api/hello}: the service's "real" endpoint, failing and slowed down like health.</li>
 *   <li>{@code GET /stats?window=S}: totals and, over the last S seconds (default 10), the request
 *       count, error count, error rate and latency p95 in ms, as JSON.</li>
 *   <li>{@code GET /stats/error-rate?window=S}: the windowed error rate alone, a JSON number.</li>
 *   <li>{@code POST /fault/inject} with an optional JSON body {@code {"errors": true, "latency_ms": 0,
 *       "duration_seconds": 0}}: turns the fault on; a positive duration heals it by itself after
 *       that many seconds (a service that recovers), 0 keeps it until healed.</li>
 *   <li>{@code POST /fault/heal}: turns the fault off.</li>
 * </ul>
 * Health, API and statistics requests count as traffic; fault endpoints do not.
 */
final class SampleService implements AutoCloseable {

    private static final Pattern NUMBER_FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*(true|false|-?[0-9.]+)");
    private static final int KEPT_REQUESTS = 100_000;

    private final HttpServer server;
    private final ExecutorService executor;
    private final Deque<long[]> requests = new ArrayDeque<>();
    private long total;
    private long errors;
    private boolean failing;
    private long latencyMillis;
    private long healAtNanos;

    private SampleService(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts the service on a free port of 127.0.0.1. */
    static SampleService start() throws IOException {
        // Without TCP_NODELAY each small response waits for a delayed ACK: 40 ms per loopback call.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread thread = new Thread(r, "reliably-demo-service");
            thread.setDaemon(true);
            return thread;
        });
        SampleService service = new SampleService(server, executor);
        server.createContext("/", service::handle);
        server.setExecutor(executor);
        server.start();
        return service;
    }

    /** The port it listens on. */
    int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:port}. */
    String url() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            long started = System.nanoTime();
            URI uri = exchange.getRequestURI();
            String path = uri.getPath();
            String method = exchange.getRequestMethod();
            if ("POST".equals(method) && "/fault/inject".equals(path)) {
                inject(read(exchange.getRequestBody()));
                send(exchange, 200, "{\"fault\":\"injected\"}");
            } else if ("POST".equals(method) && "/fault/heal".equals(path)) {
                heal();
                send(exchange, 200, "{\"fault\":\"healed\"}");
            } else if ("GET".equals(method) && ("/health".equals(path) || "/api/hello".equals(path))) {
                serve(exchange, path, started);
            } else if ("GET".equals(method) && "/stats".equals(path)) {
                send(exchange, 200, stats(window(uri.getRawQuery())));
                record(started, false);
            } else if ("GET".equals(method) && "/stats/error-rate".equals(path)) {
                send(exchange, 200, number(errorRate(window(uri.getRawQuery()))));
                record(started, false);
            } else {
                send(exchange, 404, "{\"error\":\"no such endpoint: " + method + " " + path.replace("\"", "") + "\"}");
            }
        }
    }

    private void serve(HttpExchange exchange, String path, long started) throws IOException {
        boolean fail;
        long delay;
        synchronized (this) {
            if (failing && healAtNanos != 0 && System.nanoTime() - healAtNanos >= 0) {
                heal();
            }
            fail = failing;
            delay = latencyMillis;
        }
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (fail) {
            send(exchange, 503, "/health".equals(path) ? "{\"status\":\"failing\"}" : "{\"error\":\"fault injected\"}");
        } else {
            send(exchange, 200, "/health".equals(path) ? "{\"status\":\"ok\"}" : "{\"message\":\"hello\"}");
        }
        record(started, fail);
    }

    private synchronized void inject(String body) {
        Matcher m = NUMBER_FIELD.matcher(body);
        boolean errorsOn = true;
        double latency = 0;
        double duration = 0;
        while (m.find()) {
            switch (m.group(1)) {
                case "errors" -> errorsOn = !"false".equals(m.group(2));
                case "latency_ms" -> latency = parse(m.group(2));
                case "duration_seconds" -> duration = parse(m.group(2));
                default -> { }
            }
        }
        failing = errorsOn;
        latencyMillis = (long) Math.max(0, Math.min(latency, 60_000));
        healAtNanos = duration > 0 ? System.nanoTime() + (long) (duration * 1e9) : 0;
    }

    private synchronized void heal() {
        failing = false;
        latencyMillis = 0;
        healAtNanos = 0;
    }

    private static double parse(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private synchronized void record(long started, boolean error) {
        long now = System.nanoTime();
        requests.addLast(new long[] {now, error ? 1 : 0, now - started});
        if (requests.size() > KEPT_REQUESTS) {
            requests.removeFirst();
        }
        total++;
        if (error) {
            errors++;
        }
    }

    private synchronized long[][] window(double seconds) {
        long since = System.nanoTime() - (long) (seconds * 1e9);
        return requests.stream().filter(r -> r[0] - since >= 0).toArray(long[][]::new);
    }

    private static double errorRate(long[][] window) {
        if (window.length == 0) {
            return 0;
        }
        return Arrays.stream(window).filter(r -> r[1] == 1).count() / (double) window.length;
    }

    private String stats(long[][] window) {
        long windowErrors = Arrays.stream(window).filter(r -> r[1] == 1).count();
        double p95 = 0;
        if (window.length > 0) {
            long[] latencies = Arrays.stream(window).mapToLong(r -> r[2]).sorted().toArray();
            p95 = latencies[(int) Math.ceil(0.95 * latencies.length) - 1] / 1e6;
        }
        long allRequests;
        long allErrors;
        boolean fault;
        synchronized (this) {
            allRequests = total;
            allErrors = errors;
            fault = failing;
        }
        return String.format(Locale.ROOT, "{\"requests\":%d,\"errors\":%d,\"window_requests\":%d,"
                + "\"window_errors\":%d,\"error_rate\":%s,\"latency_p95_ms\":%s,\"fault\":%s}",
                allRequests, allErrors, window.length, windowErrors, number(errorRate(window)), number(p95), fault);
    }

    private long[][] window(String query) {
        double seconds = 10;
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("window=")) {
                    seconds = parse(pair.substring("window=".length()));
                }
            }
        }
        return window(seconds > 0 ? seconds : 10);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private static String read(InputStream body) throws IOException {
        return new String(body.readNBytes(64 * 1024), StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
