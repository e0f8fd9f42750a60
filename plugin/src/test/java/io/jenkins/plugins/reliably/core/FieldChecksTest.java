package io.jenkins.plugins.reliably.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldChecksTest {

    @Test
    void shouldAnswerEachRunFieldWithTheRunsOwnRule() {
        assertThat(FieldChecks.run("deviatedResult", "UNSTABLE")).isEmpty();
        assertThat(FieldChecks.run("deviatedResult", "")).isEmpty();
        assertThat(FieldChecks.run("deviatedResult", "PURPLE"))
                .contains("expected one of FAILURE, UNSTABLE, SUCCESS, got 'PURPLE'");
        assertThat(FieldChecks.run("rollbackStrategy", "deviated")).isEmpty();
        assertThat(FieldChecks.run("rollbackStrategy", "later")).isPresent();
        assertThat(FieldChecks.run("hypothesisStrategy", "skip")).isEmpty();
        assertThat(FieldChecks.run("dry", "probes")).isEmpty();
        assertThat(FieldChecks.run("journalPath", "../../etc/journal.json"))
                .contains("expected a path inside the workspace, got '../../etc/journal.json'");
    }

    @Test
    void shouldAnswerEachGateField() {
        assertThat(FieldChecks.gate("warningResult", "failure")).isEmpty();
        assertThat(FieldChecks.gate("failResult", "ABORTED"))
                .contains("expected SUCCESS, UNSTABLE or FAILURE, got 'ABORTED'");
    }
}
