package io.jenkins.plugins.reliably.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.reliably.engine.slo.SliValues;
import io.reliably.engine.slo.SliValuesReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScriptValuesTest {

    @Test
    void shouldTurnWhatAScriptPassesIntoIndicatorValues() throws Exception {
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("metric", new StringBuilder("latency"));
        latency.put("value", 12);
        latency.put("success", true);
        latency.put("message", "");
        Map<String, Object> errors = Map.of("metric", "errors", "value", 0.5, "success", false, "message", "timeout");

        SliValues values = new SliValuesReader().parse("sliValues", ScriptValues.toJson(List.of(latency, errors)).toString());

        assertThat(values.find("latency")).hasValueSatisfying(v -> assertThat(v.value()).isEqualTo(12.0));
        assertThat(values.find("errors")).hasValueSatisfying(v -> assertThat(v.success()).isFalse());
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldGiveScriptsPlainMapsListsAndValues() {
        Map<String, Object> map = ScriptValues.toMap(ScriptValues.toJson(Map.of("a", List.of(1, "two", true))));

        assertThat(map).containsOnlyKeys("a");
        assertThat((List<Object>) map.get("a")).containsExactly(1L, "two", true);
    }
}
