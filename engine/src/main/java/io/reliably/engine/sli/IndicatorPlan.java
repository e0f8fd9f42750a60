package io.reliably.engine.sli;

import io.reliably.engine.secret.SecretMasker;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The indicators to query, in the order they are reported, and the secret values they use, which
 * are masked in every message.
 */
public record IndicatorPlan(List<PreparedIndicator> indicators, Set<String> secretValues) {

    /** Nothing to query. */
    public static final IndicatorPlan EMPTY = new IndicatorPlan(List.of(), Set.of());

    public IndicatorPlan {
        indicators = List.copyOf(indicators);
        secretValues = Set.copyOf(secretValues);
    }

    /** Both plans' indicators and secrets. */
    public IndicatorPlan plus(IndicatorPlan other) {
        List<PreparedIndicator> all = new ArrayList<>(indicators);
        all.addAll(other.indicators);
        Set<String> secrets = new LinkedHashSet<>(secretValues);
        secrets.addAll(other.secretValues);
        return new IndicatorPlan(all, secrets);
    }

    /** Hides this plan's secret values. */
    public SecretMasker masker() {
        return new SecretMasker(secretValues);
    }

    /** The indicators' names, in order. */
    public List<String> metrics() {
        return indicators.stream().map(PreparedIndicator::metric).toList();
    }
}
