package io.reliably.engine.slo;

import java.util.List;

/** One {@code - criteria: [...]} entry: every criterion in it must hold (AND). */
public record CriteriaSet(List<Criterion> criteria) {

    public CriteriaSet {
        criteria = List.copyOf(criteria);
    }
}
