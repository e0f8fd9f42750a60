package io.reliably.engine.run;

/**
 * How to run, from flags or step parameters. {@code null} fields fall back to the experiment's
 * {@code runtime} block, then to Chaos Toolkit's defaults.
 *
 * @param rollbackStrategy rollback strategy, or {@code null}
 * @param hypothesisStrategy hypothesis strategy, or {@code null}
 * @param hypothesisFrequency seconds between continuous iterations, or {@code null} (default 1.0)
 * @param failFast stop the method when a continuous iteration deviates
 * @param failFastRatio the percentage (0 to 100) of deviated continuous iterations at or above which
 *     fail-fast stops the method, compared as chaoslib compares it (default 0: the first deviation)
 * @param dry what not to execute, or {@code null}
 */
public record RunSettings(
        RollbackStrategy rollbackStrategy,
        HypothesisStrategy hypothesisStrategy,
        Double hypothesisFrequency,
        boolean failFast,
        double failFastRatio,
        Dry dry) {

    /** Everything by default. */
    public static final RunSettings DEFAULTS = new RunSettings(null, null, null, false, 0.0, null);
}
