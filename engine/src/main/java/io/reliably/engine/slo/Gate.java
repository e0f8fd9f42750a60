package io.reliably.engine.slo;

import io.reliably.engine.sli.IndicatorValue;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Evaluates indicator values against an SLO exactly as Keptn's lighthouse does
 * ({@code evaluateObjectives} + {@code calculateScore}), with the differences listed in
 * {@code docs/slo.md}: a provider failure or a missing SLO fails the gate, every objective shows its
 * compared and target values, and each objective finds its value independently.
 */
public final class Gate {

    /** Keptn's message for an objective whose indicator the provider did not return. */
    public static final String NO_VALUE = "no value received from SLI provider";

    private final Clock clock;
    private final Supplier<String> ids;

    public Gate() {
        this(Clock.systemUTC(), () -> UUID.randomUUID().toString());
    }

    /** A gate with a fixed clock and id source, so results can be reproduced. */
    public Gate(Clock clock, Supplier<String> ids) {
        this.clock = clock;
        this.ids = ids;
    }

    /** Judges the values against the SLO, comparing relative criteria with {@code basis}. */
    public Evaluation evaluate(Slo slo, SliValues values, ComparisonBasis basis) {
        List<IndicatorResult> results = new ArrayList<>();
        List<String> keyFailures = new ArrayList<>();
        double maximum = 0;
        double total = 0;
        for (Objective objective : slo.objectives()) {
            IndicatorResult result = judge(objective, values, basis, slo.comparison().aggregation());
            results.add(result);
            if (!objective.isInfo()) {
                maximum += objective.weight();
                total += result.score();
            }
            if (objective.keySli() && result.status() == ObjectiveStatus.FAIL) {
                keyFailures.add("key_sli objective '" + objective.label() + "': "
                        + (result.value().success() ? String.format(Locale.ROOT, "failed evaluation with score %f",
                                result.score()) : result.value().message()));
            }
        }

        GateResult result;
        double score;
        String verdict = "";
        if (slo.objectives().isEmpty()) {
            result = GateResult.FAIL;
            score = 0;
            verdict = "Evaluation failed because no SLO objective was provided";
        } else if (maximum == 0) {
            result = GateResult.PASS;
            score = 100.0;
        } else {
            score = 100.0 * (total / maximum);
            TotalScore targets = slo.totalScore();
            boolean keyFailed = !keyFailures.isEmpty();
            if (score >= targets.pass() && !keyFailed) {
                result = GateResult.PASS;
            } else if (targets.warning().isPresent() && !keyFailed) {
                double warning = targets.warning().getAsDouble();
                if (score >= warning) {
                    result = GateResult.WARNING;
                    verdict = "Evaluation returned a warning: the calculated score of " + GoNumbers.format(score)
                            + " is close to the warning target value of " + GoNumbers.format(warning);
                } else {
                    result = GateResult.FAIL;
                    verdict = "Evaluation failed since the calculated score of " + GoNumbers.format(score)
                            + " is below the warning value of " + GoNumbers.format(warning);
                }
            } else if (keyFailed) {
                result = GateResult.FAIL;
                verdict = "Evaluation failed due to " + String.join("; ", keyFailures);
            } else {
                result = GateResult.FAIL;
                verdict = "Evaluation failed since the calculated score of " + GoNumbers.format(score)
                        + " is below the target value of " + GoNumbers.format(targets.pass());
            }
        }
        List<String> message = new ArrayList<>();
        if (values.failure().isPresent()) {
            result = GateResult.FAIL;
            message.add("Evaluation failed because the SLI provider failed with message " + values.providerFailure());
        }
        if (!verdict.isEmpty()) {
            message.add(verdict);
        }
        leftover(slo, values).ifPresent(message::add);
        return new Evaluation(ids.get(), result, score, basis.ids(), results, String.join(" ", message),
                values.timeStart(), values.timeEnd(), clock.instant());
    }

    /**
     * The gate without an SLO fails with the reason (Keptn passes; keptn#1212 asked otherwise). The
     * values are kept in the message so nobody wonders where they went.
     */
    public Evaluation withoutSlo(String reason, SliValues values) {
        List<String> message = new ArrayList<>();
        message.add("Evaluation failed because no SLO is configured: " + reason);
        values.failure().ifPresent(f -> message.add("The SLI provider failed with message " + f));
        return new Evaluation(ids.get(), GateResult.FAIL, 0, List.of(), List.of(), String.join(" ", message),
                values.timeStart(), values.timeEnd(), clock.instant());
    }

    private static IndicatorResult judge(Objective objective, SliValues values, ComparisonBasis basis,
            Aggregation aggregation) {
        Optional<Double> aggregate = aggregation.apply(basis.successfulValues(objective.sli()));
        Double compared = aggregate.orElse(null);
        Optional<IndicatorValue> found = values.find(objective.sli());
        MeasuredValue value = found
                .map(v -> new MeasuredValue(v.metric(), v.value(), v.success(), v.message(), compared))
                .orElseGet(() -> new MeasuredValue(objective.sli(), 0, false, NO_VALUE, compared));

        List<Target> passTargets = new ArrayList<>();
        boolean passed = evaluate(objective.pass(), value, aggregate, passTargets);
        List<Target> warningTargets = new ArrayList<>();
        boolean warned = !objective.warning().isEmpty() && evaluate(objective.warning(), value, aggregate, warningTargets);

        if (objective.isInfo()) {
            return new IndicatorResult(0, ObjectiveStatus.INFO, objective.displayName(), objective.keySli(), value,
                    passTargets, warningTargets);
        }
        if (value.success() && passed) {
            return new IndicatorResult(objective.weight(), ObjectiveStatus.PASS, objective.displayName(),
                    objective.keySli(), value, passTargets, warningTargets);
        }
        if (value.success() && warned) {
            return new IndicatorResult(0.5 * objective.weight(), ObjectiveStatus.WARNING, objective.displayName(),
                    objective.keySli(), value, passTargets, warningTargets);
        }
        return new IndicatorResult(0, ObjectiveStatus.FAIL, objective.displayName(), objective.keySli(), value,
                passTargets, warningTargets);
    }

    /**
     * OR over the criteria sets, AND inside each; every set is evaluated so that every target is shown.
     * A value the provider did not deliver violates every criterion.
     */
    private static boolean evaluate(List<CriteriaSet> sets, MeasuredValue value, Optional<Double> aggregate,
            List<Target> targets) {
        boolean anySet = false;
        for (CriteriaSet set : sets) {
            boolean all = true;
            for (Criterion criterion : set.criteria()) {
                boolean met = value.success() && criterion.isMetBy(value.value(), aggregate);
                all &= met;
                targets.add(new Target(criterion.text(), criterion.target(aggregate).orElse(null), !met));
            }
            anySet |= all;
        }
        return anySet;
    }

    /** Keptn mentions the indicators that no objective asked for. */
    private static Optional<String> leftover(Slo slo, SliValues values) {
        Set<String> asked = new LinkedHashSet<>();
        slo.objectives().forEach(o -> asked.add(o.sli()));
        List<String> extra = values.indicators().stream().map(IndicatorValue::metric)
                .filter(m -> !asked.contains(m)).distinct().toList();
        if (extra.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("The gate received additional SLIs, which are not specified as SLO: "
                + String.join(", ", extra) + ". Please consider using them as an SLO.");
    }
}
