package io.reliably.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reliably.engine.journal.Journal;
import io.reliably.engine.journal.JournalWriter;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal a run writes has Chaos Toolkit's fields, order, types and timestamps. */
class JournalShapeTest {

    private static final Pattern TIMESTAMP =
            Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?\\+00:00");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TestService service;

    @BeforeEach
    void startService() throws Exception {
        service = new TestService();
    }

    @AfterEach
    void stopService() {
        service.close();
    }

    @Test
    void shouldWriteTheFieldsTypesAndOrderOfAChaosToolkitJournal() throws Exception {
        ObjectNode json = new JournalWriter().toJson(run());

        try (InputStream golden = getClass().getResourceAsStream("journal-shape.json")) {
            JsonNode expected = MAPPER.readTree(golden);
            assertThat(MAPPER.writeValueAsString(shape(json, ""))).isEqualTo(MAPPER.writeValueAsString(expected));
        }
    }

    @Test
    void shouldWriteTheValuesChaosToolkitWrites() throws Exception {
        ObjectNode json = new JournalWriter().toJson(run());

        assertThat(json.path("chaoslib-version").asText()).isEqualTo("1.45.0");
        assertThat(json.path("status").asText()).isEqualTo("completed");
        assertThat(json.path("run").get(0).path("status").asText()).isEqualTo("succeeded");
        assertThat(json.path("run").get(0).path("output").path("status").asInt()).isEqualTo(200);
        assertThat(json.path("run").get(1).path("status").asText()).isEqualTo("failed");
        assertThat(json.path("run").get(1).path("exception").get(0).asText())
                .startsWith("io.reliably.engine.provider.ActivityFailedException: ").endsWith("\n");
        assertThat(json.path("experiment").path("title").asText()).isEqualTo("Journal of the shop");
        assertThat(json.path("experiment").path("dry").isNull()).isTrue();
        assertThat(json.path("duration").asDouble()).isPositive();
    }

    @Test
    void shouldRecordOurEngineAndSettingsInTheReliablyExtension() throws Exception {
        JsonNode reliably = InterruptionTest.reliably(run());

        assertThat(reliably.path("engine").path("name").asText()).isEqualTo("reliably");
        assertThat(reliably.path("engine").path("version").asText()).isNotBlank();
        assertThat(reliably.path("settings").path("rollback_strategy").asText()).isEqualTo("default");
        assertThat(reliably.path("settings").path("hypothesis_strategy").asText()).isEqualTo("default");
    }

    @Test
    void shouldWriteAJournalFileThatReadsBackAsTheSameJson(@TempDir Path dir) throws Exception {
        Journal journal = run();
        Path file = dir.resolve("journal.json");

        new JournalWriter().write(journal, file);

        assertThat(MAPPER.readTree(Files.readString(file))).isEqualTo(new JournalWriter().toJson(journal));
    }

    private Journal run() throws Exception {
        String experiment = """
                {
                  "title": "Journal of the ${shop}",
                  "description": "Every kind of record.",
                  "configuration": {"shop": "shop"},
                  "steady-state-hypothesis": {
                    "title": "The service is healthy",
                    "probes": [
                      {"type": "probe", "name": "service-is-healthy", "tolerance": 200,
                       "provider": {"type": "http", "url": "%1$s/health", "timeout": 5}}
                    ]
                  },
                  "method": [
                    {"type": "action", "name": "noop", "provider": {"type": "http", "url": "%1$s/noop", "timeout": 5}},
                    {"type": "action", "name": "unreachable", "provider": {"type": "http", "url": "%2$s", "timeout": 5}}
                  ],
                  "rollbacks": [
                    {"type": "action", "name": "heal", "provider": {"type": "http", "url": "%1$s/heal", "timeout": 5}}
                  ]
                }
                """.formatted(service.base(), TestService.deadUrl());
        return new Runs(Map.of()).run(experiment);
    }

    /** Each value replaced by its type; timestamps recognised; activity copies and outputs left opaque. */
    private static JsonNode shape(JsonNode node, String field) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (field.equals("experiment") || field.equals("activity") || field.equals("output")) {
            return node.isNull() ? nodes.nullNode() : nodes.textNode(node.getNodeType().name().toLowerCase());
        }
        if (node.isObject()) {
            ObjectNode shaped = nodes.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                shaped.set(entry.getKey(), shape(entry.getValue(), entry.getKey()));
            }
            return shaped;
        }
        if (node.isArray()) {
            ArrayNode shaped = nodes.arrayNode();
            node.forEach(item -> shaped.add(shape(item, "")));
            return shaped;
        }
        if (node.isTextual()) {
            return nodes.textNode(TIMESTAMP.matcher(node.textValue()).matches() ? "timestamp" : "string");
        }
        if (node.isNumber()) {
            return nodes.textNode("number");
        }
        if (node.isBoolean()) {
            return nodes.textNode("boolean");
        }
        return nodes.nullNode();
    }
}
