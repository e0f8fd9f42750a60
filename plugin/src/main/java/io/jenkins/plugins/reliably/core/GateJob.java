package io.jenkins.plugins.reliably.core;

import io.reliably.engine.slo.ComparisonBasis;
import io.reliably.engine.slo.Evaluation;
import io.reliably.engine.slo.Gate;
import io.reliably.engine.slo.InvalidSloException;
import io.reliably.engine.slo.SliValues;
import io.reliably.engine.slo.Slo;
import io.reliably.engine.slo.SloLoader;
import java.time.Clock;
import java.util.List;

/**
 * One {@code reliablyGate}: judges indicator values against the SLO as Keptn's lighthouse does,
 * comparing with the earlier builds' gates. Knows nothing of Jenkins.
 */
public final class GateJob {

    private final Clock clock;

    public GateJob(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param sloContent the SLO's text, or {@code null} when its file does not exist (the gate fails
     *     with that reason, as Keptn's does)
     * @param evaluationId this evaluation's id: what later gates name in {@code comparedEvents}
     * @throws InvalidRunException when the SLO is invalid or the reference build has no gate
     */
    public Evaluation evaluate(GateOptions options, String sloContent, SliValues values, List<RecordedGate> earlier,
            String evaluationId) throws InvalidRunException {
        Gate gate = new Gate(clock, () -> evaluationId);
        if (sloContent == null) {
            return gate.withoutSlo(options.sloName() + " does not exist", values);
        }
        Slo slo;
        try {
            slo = new SloLoader().parse(options.sloName(), sloContent);
        } catch (InvalidSloException e) {
            throw new InvalidRunException(e.getMessage());
        }
        ComparisonBasis basis = new GateHistorySelection().select(slo, options.sloName(), earlier, options.referenceBuild());
        return gate.evaluate(slo, values, basis);
    }
}
