package io.reliably.engine.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The journal's text is laid out as Python's {@code json.dump(indent=2)} lays it out. */
class JournalWriterTest {

    @Test
    void shouldLayOutTheJournalAsChaosToolkitDoes() {
        ObjectNode experiment = JsonNodeFactory.instance.objectNode();
        experiment.put("title", "Tiny");
        experiment.putArray("tags");
        Instant start = Instant.parse("2024-05-01T12:00:00.250000Z");
        Journal journal = new Journal("1.45.0", "Linux-6.1-x86_64", "box", experiment, start,
                start.plusMillis(500), RunStatus.COMPLETED, false, null, null, List.of(), List.of(), List.of(),
                null);

        assertThat(new JournalWriter().toString(journal)).isEqualTo("""
                {
                  "chaoslib-version": "1.45.0",
                  "platform": "Linux-6.1-x86_64",
                  "node": "box",
                  "experiment": {
                    "title": "Tiny",
                    "tags": []
                  },
                  "start": "2024-05-01T12:00:00.250000+00:00",
                  "status": "completed",
                  "deviated": false,
                  "steady_states": {
                    "before": null,
                    "after": null,
                    "during": []
                  },
                  "run": [],
                  "rollbacks": [],
                  "end": "2024-05-01T12:00:00.750000+00:00",
                  "duration": 0.5
                }""");
    }

    @Test
    void shouldWriteAFailedRunWithItsExceptionLinesAndNoToleranceOutsideTheHypothesis() {
        ObjectNode activity = JsonNodeFactory.instance.objectNode().put("name", "call");
        Instant start = Instant.parse("2024-05-01T12:00:00Z");
        ActivityRun run = new ActivityRun(activity, false, null, List.of("X: boom\n"), start, start.plusMillis(20),
                null);

        ObjectNode json = new JournalWriter().toJson(new Journal("1.45.0", "p", "n", activity, start,
                start.plusSeconds(1), RunStatus.COMPLETED, false, null, null, List.of(), List.of(run), List.of(),
                null));

        ObjectNode record = (ObjectNode) json.path("run").get(0);
        assertThat(record.fieldNames()).toIterable()
                .containsExactly("activity", "output", "start", "status", "exception", "end", "duration");
        assertThat(record.path("start").asText()).isEqualTo("2024-05-01T12:00:00+00:00");
        assertThat(record.path("exception").get(0).asText()).isEqualTo("X: boom\n");
        assertThat(record.path("duration").asDouble()).isEqualTo(0.02);
    }
}
