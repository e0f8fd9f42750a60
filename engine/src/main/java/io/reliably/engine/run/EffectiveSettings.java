package io.reliably.engine.run;

import io.reliably.engine.experiment.RuntimeBlock;

/**
 * The settings a run goes by, once flags, the experiment's {@code runtime} block and Chaos Toolkit's
 * defaults are merged (flags win, then the block, then the defaults), as {@code chaos run} merges them.
 *
 * @param rollbackStrategy when rollbacks play
 * @param hypothesisStrategy when the hypothesis is checked
 * @param frequency seconds between two continuous iterations
 * @param failFast stop the method when continuous iterations deviate
 * @param failFastRatio percentage of deviated iterations at or above which fail-fast stops
 * @param dry what not to execute, or {@code null}
 */
record EffectiveSettings(
        RollbackStrategy rollbackStrategy,
        HypothesisStrategy hypothesisStrategy,
        double frequency,
        boolean failFast,
        double failFastRatio,
        Dry dry) {

    /** Chaos Toolkit's {@code --hypothesis-frequency} default. */
    static final double DEFAULT_FREQUENCY = 1.0;

    static EffectiveSettings of(RunSettings settings, RuntimeBlock runtime) {
        RuntimeBlock block = runtime == null ? RuntimeBlock.NONE : runtime;
        RollbackStrategy rollbacks = settings.rollbackStrategy() != null
                ? settings.rollbackStrategy()
                : parse(block.rollbackStrategy(), RollbackStrategy::parse, RollbackStrategy.DEFAULT);
        HypothesisStrategy hypothesis = settings.hypothesisStrategy() != null
                ? settings.hypothesisStrategy()
                : parse(block.hypothesisStrategy(), HypothesisStrategy::parse, HypothesisStrategy.DEFAULT);
        double frequency = settings.hypothesisFrequency() != null
                ? settings.hypothesisFrequency()
                : block.hypothesisFrequency() != null ? block.hypothesisFrequency() : DEFAULT_FREQUENCY;
        boolean failFast = settings.failFast() || Boolean.TRUE.equals(block.failFast());
        return new EffectiveSettings(rollbacks, hypothesis, Math.max(0, frequency), failFast,
                settings.failFastRatio(), settings.dry());
    }

    private static <T> T parse(String text, java.util.function.Function<String, java.util.Optional<T>> parser,
            T fallback) {
        return text == null ? fallback : parser.apply(text).orElse(fallback);
    }

    boolean hypothesisBefore() {
        return hypothesisStrategy == HypothesisStrategy.DEFAULT
                || hypothesisStrategy == HypothesisStrategy.BEFORE_METHOD_ONLY
                || hypothesisStrategy == HypothesisStrategy.CONTINUOUSLY;
    }

    boolean hypothesisAfter() {
        return hypothesisStrategy == HypothesisStrategy.DEFAULT
                || hypothesisStrategy == HypothesisStrategy.AFTER_METHOD_ONLY
                || hypothesisStrategy == HypothesisStrategy.CONTINUOUSLY;
    }

    boolean hypothesisDuring() {
        return hypothesisStrategy == HypothesisStrategy.DURING_METHOD_ONLY
                || hypothesisStrategy == HypothesisStrategy.CONTINUOUSLY;
    }
}
