package io.reliably.engine.tolerance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.reliably.engine.configuration.Substitution;
import io.reliably.engine.experiment.HttpProvider;
import io.reliably.engine.experiment.ProcessProvider;
import io.reliably.engine.experiment.Provider;
import io.reliably.engine.experiment.Tolerance;
import io.reliably.engine.provider.ActivityFailedException;
import io.reliably.engine.provider.Cancellation;
import io.reliably.engine.provider.Providers;
import io.reliably.engine.python.PythonValues;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a probe's output is within its tolerance, with Chaos Toolkit's semantics
 * ({@code chaoslib/hypothesis.py}, {@code within_tolerance}), Python's equality and ordering included
 * ({@code True == 1 == 1.0}). A tolerance that Python would crash on (a regex against a number, a
 * range over a list) is simply not met. Thread-safe.
 */
public final class ToleranceCheck {

    private final Providers providers;
    private final PatternCache patterns = new PatternCache();
    private final JsonPathMatch jsonPaths = new JsonPathMatch(patterns);

    public ToleranceCheck(Providers providers) {
        this.providers = providers;
    }

    /**
     * @param tolerance the tolerance, as loaded (placeholders unresolved)
     * @param value the probe's output
     * @param substitution resolves {@code ${name}} in the tolerance
     * @param cancellation reaches a probe tolerance's call
     * @return whether the value is within the tolerance; a probe tolerance whose call fails gives
     *     {@code false}
     */
    public boolean isMet(Tolerance tolerance, JsonNode value, Substitution substitution, Cancellation cancellation) {
        JsonNode output = value == null ? JsonNodeFactory.instance.nullNode() : value;
        if (tolerance instanceof Tolerance.Bool bool) {
            return PythonValues.equal(output, BooleanNode.valueOf(bool.expected()));
        }
        if (tolerance instanceof Tolerance.Int integer) {
            return integer(LongNode.valueOf(integer.expected()), output);
        }
        if (tolerance instanceof Tolerance.Text text) {
            // Chaos Toolkit substitutes, then dispatches on what it got: "${code}" may become an int
            return raw(substitution.apply(TextNode.valueOf(text.expected())), output);
        }
        if (tolerance instanceof Tolerance.Values values) {
            return values(values.values(), output);
        }
        if (tolerance instanceof Tolerance.Range range) {
            return range(range, output);
        }
        if (tolerance instanceof Tolerance.Regex regex) {
            return regex(regex, output, substitution);
        }
        if (tolerance instanceof Tolerance.JsonPath jsonPath) {
            return jsonPaths.isMet(jsonPath, output, substitution);
        }
        if (tolerance instanceof Tolerance.Probe probe) {
            return probe(probe.probe().provider(), output, substitution, cancellation);
        }
        throw new IllegalArgumentException("unknown tolerance " + tolerance);
    }

    /** {@code within_tolerance} dispatched on the type of a plain JSON tolerance. */
    private static boolean raw(JsonNode tolerance, JsonNode value) {
        if (tolerance.isBoolean()) {
            return PythonValues.equal(value, tolerance);
        }
        if (tolerance.isIntegralNumber()) {
            return integer(tolerance, value);
        }
        if (tolerance.isTextual()) {
            return value.isTextual() && value.textValue().equals(tolerance.textValue());
        }
        if (tolerance.isArray()) {
            List<JsonNode> values = new ArrayList<>();
            tolerance.forEach(values::add);
            return values(values, value);
        }
        // a float or an object: within_tolerance has no handler for them and returns None
        return false;
    }

    private static boolean integer(JsonNode expected, JsonNode value) {
        if (value.isObject() && value.has("status")) {
            return PythonValues.equal(value.get("status"), expected);
        }
        return PythonValues.equal(value, expected);
    }

    private static boolean values(List<JsonNode> values, JsonNode value) {
        if (value.isObject() && value.has("status")) {
            return contains(values, value.get("status"));
        }
        if (values.size() == 2) {
            // Python's chained tolerance[0] <= value <= tolerance[1]; where Python raises TypeError, not met
            Optional<Integer> low = PythonValues.compare(values.get(0), value);
            if (low.isEmpty() || low.get() > 0) {
                return false;
            }
            Optional<Integer> high = PythonValues.compare(value, values.get(1));
            return high.isPresent() && high.get() <= 0;
        }
        return contains(values, value);
    }

    private static boolean contains(List<JsonNode> values, JsonNode needle) {
        for (JsonNode candidate : values) {
            if (PythonValues.equal(candidate, needle)) {
                return true;
            }
        }
        return false;
    }

    /** {@code value.get(target, value)}: the named field of an object, else the value itself. */
    static JsonNode target(JsonNode value, String target) {
        if (target != null && !target.isEmpty() && value.isObject() && value.has(target)) {
            return value.get(target);
        }
        return value;
    }

    private static boolean range(Tolerance.Range range, JsonNode output) {
        Optional<BigDecimal> value = PythonDecimal.of(target(output, range.target()));
        if (value.isEmpty()) {
            return false;
        }
        return PythonDecimal.ofBound(range.low()).compareTo(value.get()) <= 0
                && value.get().compareTo(PythonDecimal.ofBound(range.high())) <= 0;
    }

    private boolean regex(Tolerance.Regex regex, JsonNode output, Substitution substitution) {
        JsonNode value = target(output, regex.target());
        if (!value.isTextual()) {
            return false; // re.search on anything but a string raises TypeError in Chaos Toolkit
        }
        Optional<Pattern> pattern = patterns.regex(substitution.apply(regex.pattern()));
        return pattern.isPresent() && pattern.get().matcher(value.textValue()).find();
    }

    private boolean probe(Provider provider, JsonNode value, Substitution substitution, Cancellation cancellation) {
        Optional<Provider> withValue = withValue(Providers.substitute(provider, substitution), value);
        if (withValue.isEmpty()) {
            return false;
        }
        try {
            return PythonValues.truthy(providers.run(withValue.get(), cancellation));
        } catch (ActivityFailedException e) {
            return false;
        }
    }

    /**
     * The provider with {@code arguments.value} set to the output, on a copy: Chaos Toolkit writes it
     * into the experiment itself. Arguments that are not an object (nor absent) cannot take a value.
     */
    static Optional<Provider> withValue(Provider provider, JsonNode value) {
        JsonNode arguments = provider instanceof HttpProvider http ? http.arguments()
                : ((ProcessProvider) provider).arguments();
        ObjectNode withValue;
        if (arguments == null || arguments.isNull()) {
            withValue = JsonNodeFactory.instance.objectNode();
        } else if (arguments.isObject()) {
            withValue = ((ObjectNode) arguments).deepCopy();
        } else {
            return Optional.empty();
        }
        withValue.set("value", value);
        if (provider instanceof HttpProvider p) {
            return Optional.of(new HttpProvider(p.url(), p.method(), p.headers(), withValue, p.timeout(),
                    p.verifyTls(), p.maxRetries(), p.secrets()));
        }
        ProcessProvider p = (ProcessProvider) provider;
        return Optional.of(new ProcessProvider(p.path(), withValue, p.timeout(), p.env(), p.secrets()));
    }
}
