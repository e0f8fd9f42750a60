package io.reliably.engine.sli;

import io.reliably.engine.secret.SecretMasker;
import io.reliably.engine.sli.http.JsonHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Queries a plan's indicators concurrently on a bounded pool and reports one value per indicator, in
 * the plan's order. A failing indicator gives {@code success: false} and a message (secrets masked);
 * it never stops the others.
 */
public final class IndicatorQueryRunner {

    private final IndicatorQuerySettings settings;
    private final JsonHttp http;

    public IndicatorQueryRunner(IndicatorQuerySettings settings) {
        this.settings = settings;
        this.http = new JsonHttp(settings.connectTimeout(), settings.readTimeout());
    }

    public IndicatorQueryRunner() {
        this(IndicatorQuerySettings.DEFAULT);
    }

    /** Queries every indicator; returns when all have a value or a failure. */
    public List<IndicatorValue> run(IndicatorPlan plan) {
        List<PreparedIndicator> indicators = plan.indicators();
        if (indicators.isEmpty()) {
            return List.of();
        }
        SecretMasker masker = plan.masker();
        int threads = Math.min(settings.parallelism(), indicators.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
        try {
            List<Future<IndicatorValue>> futures = new ArrayList<>();
            for (PreparedIndicator indicator : indicators) {
                Callable<IndicatorValue> task = () -> query(indicator, masker);
                futures.add(pool.submit(task));
            }
            List<IndicatorValue> values = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                values.add(await(futures.get(i), indicators.get(i).metric(), masker));
            }
            return values;
        } finally {
            pool.shutdownNow();
        }
    }

    private IndicatorValue query(PreparedIndicator indicator, SecretMasker masker) {
        if (indicator instanceof PreparedIndicator.Failed failed) {
            return IndicatorValue.failed(failed.metric(), masker.mask(failed.message()));
        }
        PreparedIndicator.Ready ready = (PreparedIndicator.Ready) indicator;
        try {
            double value = ready.reader().read(http.fetch(ready.request()));
            return IndicatorValue.of(ready.metric(), value);
        } catch (IndicatorException e) {
            return IndicatorValue.failed(ready.metric(), masker.mask(e.getMessage()));
        } catch (RuntimeException e) {
            return IndicatorValue.failed(ready.metric(), masker.mask("unexpected " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage())));
        }
    }

    private static IndicatorValue await(Future<IndicatorValue> future, String metric, SecretMasker masker) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return IndicatorValue.failed(metric, "interrupted");
        } catch (ExecutionException e) {
            return IndicatorValue.failed(metric, masker.mask(String.valueOf(e.getCause())));
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "reliably-sli-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
