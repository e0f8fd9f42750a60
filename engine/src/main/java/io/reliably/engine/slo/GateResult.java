package io.reliably.engine.slo;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The overall result of a gate, as Keptn writes it in {@code result}. */
public enum GateResult {
    PASS("pass"),
    WARNING("warning"),
    FAIL("fail");

    private final String keyword;

    GateResult(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }

    /** Reads a result written by us or by Keptn ({@code failed} is Keptn's older spelling of fail). */
    public static Optional<GateResult> of(String keyword) {
        String wanted = keyword.toLowerCase(Locale.ROOT);
        if (wanted.equals("failed")) {
            return Optional.of(FAIL);
        }
        return Arrays.stream(values()).filter(v -> v.keyword.equals(wanted)).findFirst();
    }
}
