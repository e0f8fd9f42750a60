package io.jenkins.plugins.reliably.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.reliably.engine.journal.RunStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunOutcomeTest {

    @Test
    void shouldReturnTheStatusDeviationJournalAndCountsToTheScript() {
        RunOutcome outcome = new RunOutcome("Latency stays low", RunStatus.COMPLETED, true, "reports/journal.json", 3, 1, 2,
                0, 12.5, "{}");

        Map<String, Object> map = outcome.toMap(BuildOutcome.UNSTABLE);

        assertThat(map).containsExactly(
                Map.entry("title", "Latency stays low"),
                Map.entry("status", "completed"),
                Map.entry("deviated", true),
                Map.entry("journalPath", "reports/journal.json"),
                Map.entry("result", "UNSTABLE"),
                Map.entry("activities", 3),
                Map.entry("failedActivities", 1),
                Map.entry("rollbacks", 2),
                Map.entry("failedRollbacks", 0),
                Map.entry("duration", 12.5));
        assertThat(map.values()).allMatch(v -> v instanceof String || v instanceof Boolean || v instanceof Number);
    }

    @Test
    void shouldSumTheRunUpInOneConsoleLine() {
        RunOutcome outcome = new RunOutcome("t", RunStatus.FAILED, false, "journal.json", 2, 1, 1, 1, 0.25, "{}");

        assertThat(outcome.summaryLine()).isEqualTo(
                "[reliably] experiment 't' failed in 0.25s: 2 activities (1 failed), 1 rollbacks (1 failed); journal journal.json");
    }
}
