package io.jenkins.plugins.reliably.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.reliably.engine.slo.GateResult;
import org.junit.jupiter.api.Test;

class GateOptionsTest {

    @Test
    void shouldMapPassWarningAndFailToTheBuildResultByDefault() {
        GateOptions options = new GateOptions("slo.yaml", null, null, true, null, null, null);

        assertThat(options.problems()).isEmpty();
        assertThat(options.outcome(GateResult.PASS)).isEqualTo(BuildOutcome.UNCHANGED);
        assertThat(options.outcome(GateResult.WARNING)).isEqualTo(BuildOutcome.UNSTABLE);
        assertThat(options.outcome(GateResult.FAIL)).isEqualTo(BuildOutcome.FAILURE);
        assertThat(options.sloName()).isEqualTo("slo.yaml");
    }

    @Test
    void shouldLetTheUserChooseWhatWarningAndFailDo() {
        GateOptions options = new GateOptions(null, "objectives: []", null, true, null, "success", "UNSTABLE");

        assertThat(options.outcome(GateResult.WARNING)).isEqualTo(BuildOutcome.UNCHANGED);
        assertThat(options.outcome(GateResult.FAIL)).isEqualTo(BuildOutcome.UNSTABLE);
        assertThat(options.sloName()).isEqualTo("sloText");
    }

    @Test
    void shouldListEveryProblemNamingTheParameter() {
        assertThat(new GateOptions(" ", null, "values.json", true, 0, "RED", "ABORTED").problems()).containsExactly(
                "slo: give the slo.yaml's path in the workspace, or sloText",
                "sliValues: give only one of sliValues, sliValuesFile and the gate's own sli definitions",
                "referenceBuild: expected a build number, got 0",
                "warningResult: expected SUCCESS, UNSTABLE or FAILURE, got 'RED'",
                "failResult: expected SUCCESS, UNSTABLE or FAILURE, got 'ABORTED'");
        assertThat(new GateOptions("a.yaml", null, null, true, null, null, null).withOwnSli(true).problems())
                .containsExactly("sliValues: give only one of sliValues, sliValuesFile and the gate's own sli definitions");
        assertThat(new GateOptions("a.yaml", "b", null, false, null, null, null).problems())
                .containsExactly("slo: give either slo or sloText, not both");
    }
}
