package io.reliably.engine.experiment;

/**
 * The experiment's {@code runtime} block: strategies it asks for. Command-line flags and step
 * parameters override it; {@code null} means not set.
 */
public record RuntimeBlock(String rollbackStrategy, String hypothesisStrategy, Double hypothesisFrequency,
        Boolean failFast) {

    public static final RuntimeBlock NONE = new RuntimeBlock(null, null, null, null);
}
