package io.reliably.bench;

import io.reliably.engine.configuration.RunValues;
import io.reliably.engine.configuration.RunValuesResolver;
import io.reliably.engine.experiment.Experiment;
import io.reliably.engine.journal.ActivityRun;
import io.reliably.engine.journal.Journal;
import io.reliably.engine.loader.ExperimentLoader;
import io.reliably.engine.provider.Providers;
import io.reliably.engine.run.ExperimentRunner;
import io.reliably.engine.run.RunControl;
import io.reliably.engine.run.RunSettings;
import io.reliably.engine.secret.SecretResolver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The engine's cost per activity, warm, as inside Jenkins: the same JVM runs an experiment of N http
 * probes through {@link ExperimentRunner} and the same N requests in a bare {@link HttpClient} loop
 * against one loopback server, alternately, and prints both, the overhead per activity and the ratio.
 *
 * <p>Usage: {@code HttpProbeBench [PROBES=500] [WARMUP_ROUNDS=5] [ROUNDS=10]}.
 */
public final class HttpProbeBench {

    private HttpProbeBench() {
    }

    public static void main(String[] args) throws Exception {
        int probes = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        try (LoopbackServer server = new LoopbackServer()) {
            Experiment experiment = new ExperimentLoader().parse("bench.json", ProbeExperiment.json(server.url(), probes));
            Providers providers = new Providers();
            RunValues values = new RunValuesResolver(Map.of(), SecretResolver.NONE).resolve(experiment, Map.of());
            ExperimentRunner runner = new ExperimentRunner(providers);
            // As the engine builds its client: HTTP/1.1 (no h2c upgrade), same connect timeout.
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            URI uri = URI.create(server.url());

            System.out.printf(Locale.ROOT, "HttpProbeBench: %d http probes against %s; %d warm-up rounds, %d measured"
                    + " rounds; Java %s, %d CPUs, common pool parallelism %d%n", probes, uri, warmup, rounds,
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                    java.util.concurrent.ForkJoinPool.getCommonPoolParallelism());
            List<Double> engine = new ArrayList<>();
            List<Double> bare = new ArrayList<>();
            for (int round = 0; round < warmup + rounds; round++) {
                double engineMs = engineRun(runner, experiment, values, probes);
                double bareMs = bareLoop(client, uri, probes);
                if (round >= warmup) {
                    engine.add(engineMs);
                    bare.add(bareMs);
                }
            }
            double engineMedian = median(engine);
            double bareMedian = median(bare);
            System.out.printf(Locale.ROOT, "engine (ExperimentRunner): median %8.1f ms, min %8.1f ms, %.3f ms per probe%n",
                    engineMedian, Collections.min(engine), engineMedian / probes);
            System.out.printf(Locale.ROOT, "bare HttpClient loop:      median %8.1f ms, min %8.1f ms, %.3f ms per request%n",
                    bareMedian, Collections.min(bare), bareMedian / probes);
            System.out.printf(Locale.ROOT, "engine overhead per activity: %.4f ms (median difference / %d); ratio engine/bare:"
                    + " %.2f%n", (engineMedian - bareMedian) / probes, probes, engineMedian / bareMedian);
            System.out.printf(Locale.ROOT, "engine rounds (ms): %s%nbare rounds (ms):   %s%n", format(engine), format(bare));
        }
    }

    private static double engineRun(ExperimentRunner runner, Experiment experiment, RunValues values, int probes) {
        long start = System.nanoTime();
        Journal journal = runner.run(experiment, values, RunSettings.DEFAULTS, List.of(), new RunControl());
        double ms = (System.nanoTime() - start) / 1e6;
        long ok = journal.run().stream().filter(ActivityRun::succeeded).count();
        if (ok != probes) {
            throw new IllegalStateException("only " + ok + " of " + probes + " probes succeeded: "
                    + journal.run().stream().filter(r -> !r.succeeded()).findFirst().map(ActivityRun::exception)
                            .orElse(List.of()));
        }
        return ms;
    }

    private static double bareLoop(HttpClient client, URI uri, int requests) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("status " + response.statusCode());
            }
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String format(List<Double> values) {
        StringBuilder text = new StringBuilder();
        for (double v : values) {
            text.append(String.format(Locale.ROOT, "%.1f ", v));
        }
        return text.toString().strip();
    }
}
