package io.jenkins.plugins.reliably.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.reliably.engine.journal.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BuildOutcomeTest {

    @ParameterizedTest(name = "{0}, deviated={1}, deviatedResult={2} -> {3}")
    @CsvSource({
        "COMPLETED, false, FAILURE, UNCHANGED",
        "COMPLETED, false, UNSTABLE, UNCHANGED",
        "COMPLETED, true, FAILURE, FAILURE",
        "COMPLETED, true, UNSTABLE, UNSTABLE",
        "COMPLETED, true, SUCCESS, UNCHANGED",
        "FAILED, false, SUCCESS, FAILURE",
        "FAILED, true, UNSTABLE, FAILURE",
        "ABORTED, false, UNSTABLE, FAILURE",
        "INTERRUPTED, false, SUCCESS, FAILURE",
    })
    void shouldMapTheJournalStatusToTheBuildResult(RunStatus status, boolean deviated, DeviatedResult deviatedResult,
            BuildOutcome expected) {
        assertThat(BuildOutcome.ofExperiment(status, deviated, deviatedResult, false)).isEqualTo(expected);
    }

    @Test
    void shouldAbortTheBuildWhenTheUserStoppedTheRun() {
        assertThat(BuildOutcome.ofExperiment(RunStatus.INTERRUPTED, false, DeviatedResult.FAILURE, true))
                .isEqualTo(BuildOutcome.ABORTED);
        assertThat(BuildOutcome.ofExperiment(RunStatus.COMPLETED, true, DeviatedResult.SUCCESS, true))
                .isEqualTo(BuildOutcome.ABORTED);
    }

    @Test
    void shouldDefaultADeviationToFailure() {
        assertThat(DeviatedResult.parse(null)).contains(DeviatedResult.FAILURE);
        assertThat(DeviatedResult.parse(" ")).contains(DeviatedResult.FAILURE);
        assertThat(DeviatedResult.parse("ABORTED")).isEmpty();
    }
}
