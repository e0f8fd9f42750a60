package io.reliably.bench;

import com.sun.net.httpserver.HttpServer;
import io.reliably.engine.sli.IndicatorPlan;
import io.reliably.engine.sli.IndicatorQueryRunner;
import io.reliably.engine.sli.IndicatorValue;
import io.reliably.engine.sli.KeptnContext;
import io.reliably.engine.sli.QueryWindow;
import io.reliably.engine.sli.SecretStore;
import io.reliably.engine.sli.VersionInfo;
import io.reliably.engine.sli.iter8.MetricLoader;
import io.reliably.engine.sli.iter8.MetricRequests;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * 20 indicators against a loopback store that answers each query in 100 ms, with the default
 * settings (10 at a time). Baseline, measured in the same run: the same 20 requests one after the
 * other. Target: at most 0.5 s for the 20 indicators.
 *
 * <p>Run: see docs/performance.md, section "Indicators".
 */
public final class SliBench {

    private static final int INDICATORS = 20;
    private static final int ANSWER_MILLIS = 100;
    private static final int ROUNDS = 7;

    private SliBench() {
    }

    public static void main(String[] args) throws Exception {
        ExecutorService serverThreads = Executors.newCachedThreadPool();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(serverThreads);
        server.createContext("/api/v1/query", exchange -> {
            try {
                Thread.sleep(ANSWER_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1,\"42\"]}]}}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/query";
        try {
            StringBuilder definitions = new StringBuilder();
            for (int i = 0; i < INDICATORS; i++) {
                definitions.append("---\nmetadata: {name: indicator-").append(i).append("}\nspec:\n  urlTemplate: ")
                        .append(url).append("\n  params: [{name: query, value: 'sum(rate(m").append(i)
                        .append("[${elapsedTime}s]))'}]\n  jqExpression: .data.result[0].value[1] | tonumber\n");
            }
            QueryWindow window = QueryWindow.ending(Instant.now(), Duration.ofMinutes(10));
            IndicatorPlan plan = new MetricRequests().plan(new MetricLoader().parse("bench.yaml", definitions.toString()),
                    VersionInfo.NONE, window, KeptnContext.NONE, SecretStore.NONE);
            IndicatorQueryRunner runner = new IndicatorQueryRunner();
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();

            // Warm up both paths (JIT, connections).
            check(runner.run(plan));
            sequential(client, url);

            List<Long> engine = new ArrayList<>();
            List<Long> baseline = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                long started = System.nanoTime();
                check(runner.run(plan));
                engine.add((System.nanoTime() - started) / 1_000_000);
                started = System.nanoTime();
                sequential(client, url);
                baseline.add((System.nanoTime() - started) / 1_000_000);
            }
            long engineMedian = median(engine);
            long baselineMedian = median(baseline);
            System.out.printf("SliBench: %d indicators, store answers each in %d ms, %d rounds, %d cores%n",
                    INDICATORS, ANSWER_MILLIS, ROUNDS, Runtime.getRuntime().availableProcessors());
            System.out.printf("  engine (10 at a time):      median %5d ms  min %5d ms  max %5d ms%n",
                    engineMedian, Collections.min(engine), Collections.max(engine));
            System.out.printf("  baseline (one at a time):   median %5d ms  min %5d ms  max %5d ms%n",
                    baselineMedian, Collections.min(baseline), Collections.max(baseline));
            System.out.printf("  speed-up %.1fx; target <= 500 ms: %s%n", (double) baselineMedian / engineMedian,
                    engineMedian <= 500 ? "met" : "MISSED");
        } finally {
            server.stop(0);
            serverThreads.shutdownNow();
        }
    }

    private static void sequential(HttpClient client, String url) throws Exception {
        for (int i = 0; i < INDICATORS; i++) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url + "?query=m" + i))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("baseline request failed: " + response.statusCode());
            }
        }
    }

    private static void check(List<IndicatorValue> values) {
        if (values.size() != INDICATORS || !values.stream().allMatch(v -> v.success() && v.value() == 42)) {
            throw new IllegalStateException("unexpected values: " + values);
        }
    }

    private static long median(List<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
