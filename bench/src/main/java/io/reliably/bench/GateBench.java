package io.reliably.bench;

import io.reliably.engine.sli.IndicatorValue;
import io.reliably.engine.slo.ComparisonBasis;
import io.reliably.engine.slo.Evaluation;
import io.reliably.engine.slo.EvaluationHistory;
import io.reliably.engine.slo.EvaluationJson;
import io.reliably.engine.slo.Gate;
import io.reliably.engine.slo.GateResult;
import io.reliably.engine.slo.IndicatorResult;
import io.reliably.engine.slo.MeasuredValue;
import io.reliably.engine.slo.ObjectiveStatus;
import io.reliably.engine.slo.SliValues;
import io.reliably.engine.slo.Slo;
import io.reliably.engine.slo.SloLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The gate at scale: 100 objectives judged against 100 earlier evaluations of 100 indicators each
 * (every objective has a relative criterion, aggregated with Keptn's p90 over all 100 earlier
 * values). Target: at most 20 ms per evaluation.
 *
 * <p>Printed beside two baselines measured in the same run, on the same data: touching the data
 * (summing the 10,000 earlier values once, the least any comparison must do), and parsing the
 * history JSON that the command line reads before it evaluates (a cost every gate pays anyway).
 *
 * <p>How to run it: see the "Gate" section of {@code docs/performance.md}.
 */
public final class GateBench {

    private static final int OBJECTIVES = 100;
    private static final int EARLIER = 100;
    private static final int WARMUP = 300;
    private static final int ROUNDS = 300;

    private GateBench() {
    }

    public static void main(String[] args) throws Exception {
        Random random = new Random(42);
        Slo slo = new SloLoader().parse("bench-slo.yaml", slo());
        List<Evaluation> earlier = new ArrayList<>();
        for (int e = 0; e < EARLIER; e++) {
            List<IndicatorResult> results = new ArrayList<>();
            for (int i = 0; i < OBJECTIVES; i++) {
                results.add(new IndicatorResult(1, ObjectiveStatus.PASS, "", false,
                        new MeasuredValue("sli_" + i, 400 + random.nextGaussian() * 40, true, "", 400.0),
                        List.of(), List.of()));
            }
            earlier.add(new Evaluation("earlier-" + e, GateResult.PASS, 100, List.of(), results, "", null, null, null));
        }
        EvaluationHistory history = new EvaluationHistory("bench", earlier);
        List<IndicatorValue> current = new ArrayList<>();
        for (int i = 0; i < OBJECTIVES; i++) {
            // every 7th indicator regressed by 30% (warning or fail), every 13th never arrived
            double regression = i % 7 == 0 ? 1.3 : 1.0;
            current.add(i % 13 == 0 ? IndicatorValue.failed("sli_" + i, "no data")
                    : IndicatorValue.of("sli_" + i, (400 + random.nextGaussian() * 40) * regression));
        }
        SliValues values = SliValues.of(current);
        Gate gate = new Gate();
        EvaluationJson json = new EvaluationJson();
        StringBuilder historyJson = new StringBuilder("[");
        for (int e = 0; e < earlier.size(); e++) {
            historyJson.append(e == 0 ? "" : ",").append(json.toString(earlier.get(e)));
        }
        String historyText = historyJson.append("]").toString();

        double[] gateTimes = new double[ROUNDS];
        double[] sumTimes = new double[ROUNDS];
        double[] parseTimes = new double[ROUNDS];
        double sink = 0;
        for (int round = -WARMUP; round < ROUNDS; round++) {
            long t0 = System.nanoTime();
            ComparisonBasis basis = history.select(slo.comparison());
            Evaluation evaluation = gate.evaluate(slo, values, basis);
            long t1 = System.nanoTime();
            sink += evaluation.score();
            double sum = 0;
            for (Evaluation e : earlier) {
                for (IndicatorResult r : e.indicatorResults()) {
                    sum += r.value().value();
                }
            }
            long t2 = System.nanoTime();
            sink += sum;
            sink += json.parseHistory("history.json", historyText).newestFirst().size();
            long t3 = System.nanoTime();
            if (round >= 0) {
                gateTimes[round] = (t1 - t0) / 1e6;
                sumTimes[round] = (t2 - t1) / 1e6;
                parseTimes[round] = (t3 - t2) / 1e6;
            }
        }
        Evaluation check = gate.evaluate(slo, values, history.select(slo.comparison()));
        System.out.printf(Locale.ROOT, "Gate: %d objectives x %d earlier evaluations (several_results, p90), "
                + "%d rounds after %d warm-up; result %s, score %.2f, compared with %d%n",
                OBJECTIVES, EARLIER, ROUNDS, WARMUP, check.result().keyword(), check.score(),
                check.comparedEvents().size());
        print("gate evaluation (select + evaluate)", gateTimes);
        print("baseline: sum the 10,000 earlier values", sumTimes);
        print("baseline: parse the history JSON (" + historyText.length() / 1024 + " KiB)", parseTimes);
        double median = median(gateTimes);
        System.out.printf(Locale.ROOT, "target <= 20 ms per evaluation: %s (median %.3f ms)%n",
                median <= 20 ? "met" : "MISSED", median);
        if (sink == 42) {
            System.out.println(); // keeps the JIT from discarding the measured work
        }
    }

    private static String slo() {
        StringBuilder yaml = new StringBuilder("""
                spec_version: "1.0"
                comparison:
                  compare_with: several_results
                  include_result_with_score: pass_or_warn
                  number_of_comparison_results: 100
                  aggregate_function: p90
                objectives:
                """);
        for (int i = 0; i < OBJECTIVES; i++) {
            yaml.append("  - sli: sli_").append(i).append('\n')
                    .append("    weight: ").append(1 + i % 3).append('\n')
                    .append("    key_sli: ").append(i % 10 == 0).append('\n')
                    .append("    pass:\n      - criteria: [\"<=+10%\", \"<1000\"]\n      - criteria: [\"<300\"]\n")
                    .append("    warning:\n      - criteria: [\"<=+25%\"]\n");
        }
        return yaml.append("total_score: {pass: \"90%\", warning: \"75%\"}\n").toString();
    }

    private static void print(String what, double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "  %-52s median %8.3f ms   p95 %8.3f ms   max %8.3f ms%n", what,
                median(millis), sorted[(int) Math.ceil(0.95 * sorted.length) - 1], sorted[sorted.length - 1]);
    }

    private static double median(double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
