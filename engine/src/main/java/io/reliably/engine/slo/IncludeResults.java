package io.reliably.engine.slo;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Which earlier evaluations a relative criterion may compare with
 * ({@code comparison.include_result_with_score}), judged by their overall result.
 */
public enum IncludeResults {
    PASS("pass"),
    PASS_OR_WARN("pass_or_warn"),
    ALL("all");

    private final String keyword;

    IncludeResults(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }

    /** The value named in the file, case-insensitively as Keptn reads it; empty when unknown. */
    public static Optional<IncludeResults> of(String keyword) {
        String wanted = keyword.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(v -> v.keyword.equals(wanted)).findFirst();
    }

    /** Whether an earlier evaluation with this overall result is eligible. */
    public boolean includes(GateResult result) {
        return switch (this) {
            case PASS -> result == GateResult.PASS;
            case PASS_OR_WARN -> result == GateResult.PASS || result == GateResult.WARNING;
            case ALL -> true;
        };
    }
}
