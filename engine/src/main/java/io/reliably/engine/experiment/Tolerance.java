package io.reliably.engine.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a hypothesis probe's output must satisfy, in Chaos Toolkit's shapes
 * ({@code chaoslib/hypothesis.py}, {@code within_tolerance}). String fields may hold {@code ${name}}
 * placeholders, resolved when the tolerance is checked.
 */
public sealed interface Tolerance {

    /** {@code true} or {@code false}: the value must equal it. */
    record Bool(boolean expected) implements Tolerance { }

    /** An integer: compared with {@code status} when the output has one, else with the value. */
    record Int(long expected) implements Tolerance { }

    /** A string: equality after substitution. */
    record Text(String expected) implements Tolerance { }

    /**
     * A list: membership of {@code status} when the output has one; otherwise a two-element list is
     * an inclusive range and any other length a membership test (Chaos Toolkit's reading).
     */
    record Values(List<JsonNode> values) implements Tolerance {
        public Values {
            values = List.copyOf(values);
        }
    }

    /** {@code {"type": "range", "range": [lo, hi], "target"?}}: inclusive, numbers only. */
    record Range(BigDecimal low, BigDecimal high, String target) implements Tolerance { }

    /** {@code {"type": "regex", "pattern", "target"?}}: Python {@code re.search}. */
    record Regex(String pattern, String target) implements Tolerance { }

    /**
     * {@code {"type": "jsonpath", "path", "target"?, "expect"?, "count"?}}.
     *
     * @param expect the expected value(s), or {@code null}
     * @param count the exact number of matches, or {@code null}
     */
    record JsonPath(String path, String target, JsonNode expect, Integer count) implements Tolerance { }

    /** {@code {"type": "probe", ...}}: a probe called with {@code arguments.value} = the output. */
    record Probe(Activity probe) implements Tolerance { }
}
