package io.reliably.engine.loader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.InvalidPathException;
import io.reliably.engine.experiment.Activity;
import io.reliably.engine.experiment.ActivityType;
import io.reliably.engine.experiment.Tolerance;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/**
 * Validates and reads a tolerance ({@code chaoslib/hypothesis.py},
 * {@code ensure_hypothesis_tolerance_is_valid}), checking more than Chaos Toolkit: regex patterns
 * and JSON paths must compile, a range must have its low bound first.
 */
final class ToleranceReader {

    static final String EXPECTED = "true/false, an integer, a string, a list, or an object whose \"type\" is"
            + " \"range\", \"regex\", \"jsonpath\" or \"probe\"";

    private final Fields fields;
    private final ActivityReader activities;

    ToleranceReader(Fields fields, ActivityReader activities) {
        this.fields = fields;
        this.activities = activities;
    }

    Tolerance read(JsonNode tolerance, String path) {
        if (tolerance.isBoolean()) {
            return new Tolerance.Bool(tolerance.booleanValue());
        }
        if (tolerance.isIntegralNumber()) {
            if (!tolerance.canConvertToLong()) {
                fields.problem(path, "expected an integer that fits 64 bits, found " + JsonText.describe(tolerance));
                return null;
            }
            return new Tolerance.Int(tolerance.longValue());
        }
        if (tolerance.isTextual()) {
            return new Tolerance.Text(tolerance.textValue());
        }
        if (tolerance.isArray()) {
            List<JsonNode> values = new ArrayList<>();
            tolerance.forEach(values::add);
            return new Tolerance.Values(values);
        }
        if (!tolerance.isObject()) {
            fields.problem(path, "expected a tolerance: " + EXPECTED + "; found " + JsonText.describe(tolerance));
            return null;
        }
        ObjectNode object = (ObjectNode) tolerance;
        JsonNode type = object.get("type");
        String typeText = type != null && type.isTextual() ? type.textValue() : null;
        if ("range".equals(typeText)) {
            return range(object, path);
        }
        if ("regex".equals(typeText)) {
            return regex(object, path);
        }
        if ("jsonpath".equals(typeText)) {
            return jsonPath(object, path);
        }
        if ("probe".equals(typeText)) {
            return probe(object, path);
        }
        fields.problem(JsonText.field(path, "type"), (type == null ? "required: " : "")
                + "expected a tolerance type \"range\", \"regex\", \"jsonpath\" or \"probe\""
                + (type == null ? "" : ", found " + JsonText.describe(type)));
        return null;
    }

    private Tolerance range(ObjectNode tolerance, String path) {
        int before = fields.problems().size();
        String target = fields.optionalText(tolerance, "target", path);
        JsonNode range = tolerance.get("range");
        String at = JsonText.field(path, "range");
        if (range == null) {
            fields.problem(at, "required: expected [low, high], two numbers");
            return null;
        }
        if (!range.isArray() || range.size() != 2) {
            fields.problem(at, "expected [low, high], two numbers, found " + describeList(range));
            return null;
        }
        BigDecimal low = number(range.get(0), JsonText.item(at, 0));
        BigDecimal high = number(range.get(1), JsonText.item(at, 1));
        if (low != null && high != null && low.compareTo(high) > 0) {
            fields.problem(at, "expected the low bound first, found [" + low.toPlainString() + ", "
                    + high.toPlainString() + "]");
        }
        return fields.problems().size() > before ? null : new Tolerance.Range(low, high, target);
    }

    private static String describeList(JsonNode node) {
        return node.isArray() ? "a list of " + node.size() + " value" + (node.size() == 1 ? "" : "s")
                : JsonText.describe(node);
    }

    private BigDecimal number(JsonNode value, String at) {
        if (!value.isNumber() || (value.isDouble() && !Double.isFinite(value.doubleValue()))) {
            fields.problem(at, "expected a number, found " + JsonText.describe(value));
            return null;
        }
        return value.decimalValue();
    }

    private Tolerance regex(ObjectNode tolerance, String path) {
        int before = fields.problems().size();
        String target = fields.optionalText(tolerance, "target", path);
        JsonNode pattern = tolerance.get("pattern");
        String at = JsonText.field(path, "pattern");
        if (pattern == null) {
            fields.problem(at, "required: expected a regular expression (Python syntax)");
            return null;
        }
        if (!pattern.isTextual()) {
            fields.problem(at, "expected a regular expression (a string), found " + JsonText.describe(pattern));
            return null;
        }
        if (!Fields.hasPlaceholder(pattern.textValue())) {
            try {
                PythonRegex.compile(pattern.textValue());
            } catch (PatternSyntaxException e) {
                fields.problem(at, "expected a valid regular expression, found " + JsonText.quote(pattern.textValue())
                        + ": " + e.getDescription() + " near index " + e.getIndex());
            } catch (RuntimeException | StackOverflowError e) {
                fields.problem(at, "expected a valid regular expression, found " + JsonText.quote(pattern.textValue()));
            }
        }
        return fields.problems().size() > before ? null : new Tolerance.Regex(pattern.textValue(), target);
    }

    private Tolerance jsonPath(ObjectNode tolerance, String path) {
        int before = fields.problems().size();
        String target = fields.optionalText(tolerance, "target", path);
        JsonNode jsonPath = tolerance.get("path");
        String at = JsonText.field(path, "path");
        String text = null;
        if (jsonPath == null) {
            fields.problem(at, "required: expected a JSON path such as \"$.status\"");
        } else if (!jsonPath.isTextual() || jsonPath.textValue().isBlank()) {
            fields.problem(at, "expected a JSON path such as \"$.status\", found " + JsonText.describe(jsonPath));
        } else {
            text = jsonPath.textValue().strip();
            if (!Fields.hasPlaceholder(text)) {
                try {
                    com.jayway.jsonpath.JsonPath.compile(text);
                } catch (InvalidPathException e) {
                    fields.problem(at, "expected a valid JSON path, found " + JsonText.quote(text) + ": "
                            + e.getMessage().strip());
                } catch (RuntimeException | StackOverflowError e) {
                    fields.problem(at, "expected a valid JSON path, found " + JsonText.quote(text));
                }
            }
        }
        Integer count = null;
        JsonNode countNode = tolerance.get("count");
        if (countNode != null && !countNode.isNull()) {
            if (!countNode.isIntegralNumber() || !countNode.canConvertToInt() || countNode.intValue() < 0) {
                fields.problem(JsonText.field(path, "count"), "expected an integer, 0 or more, found "
                        + JsonText.describe(countNode));
            } else {
                count = countNode.intValue();
            }
        }
        JsonNode expect = tolerance.get("expect");
        if (fields.problems().size() > before) {
            return null;
        }
        // "expect": null is a real expectation in Chaos Toolkit ("expect" in tolerance), so keep it.
        return new Tolerance.JsonPath(text, target, expect, count);
    }

    private Tolerance probe(ObjectNode tolerance, String path) {
        int before = fields.problems().size();
        JsonNode provider = tolerance.get("provider");
        if (provider != null && provider.isObject()) {
            JsonNode arguments = provider.get("arguments");
            if (arguments != null && !arguments.isNull() && !arguments.isObject()) {
                fields.problem(JsonText.field(JsonText.field(path, "provider"), "arguments"),
                        "expected an object: a probe tolerance receives the value as arguments.value; found "
                                + JsonText.describe(arguments));
            }
        }
        Activity probe = activities.read(tolerance, path, false);
        if (probe == null || fields.problems().size() > before) {
            return null;
        }
        if (probe.type() != ActivityType.PROBE) {
            return null;
        }
        return new Tolerance.Probe(probe);
    }
}
