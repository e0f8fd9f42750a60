package io.reliably.engine.configuration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.reliably.engine.loader.Documents;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The types an environment variable or a {@code --var name:type=value} is converted to, as Chaos
 * Toolkit's {@code convert_to_type} does ({@code chaoslib/__init__.py}). Errors never quote the value,
 * which may be secret.
 */
enum ValueType {
    STR, INT, FLOAT, BYTES, BOOL, JSON;

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d(_?\\d)*");
    private static final Pattern FLOATING = Pattern.compile(
            "[+-]?((\\d(_?\\d)*)?\\.?(\\d(_?\\d)*)?([eE][+-]?\\d(_?\\d)*)?|inf|infinity|nan)",
            Pattern.CASE_INSENSITIVE);
    private static final ObjectMapper STRICT_JSON = new ObjectMapper(JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(Documents.MAX_DEPTH).maxDocumentLength(Documents.MAX_CHARS).build())
            .build()).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Reads a type name: {@code str}/{@code string}, {@code int}/{@code integer}, {@code float}/{@code number}, {@code bytes}, {@code bool}, {@code json}. */
    static Optional<ValueType> parse(String name) {
        return Optional.ofNullable(switch (name) {
            case "str", "string" -> STR;
            case "int", "integer" -> INT;
            case "float", "number" -> FLOAT;
            case "bytes" -> BYTES;
            case "bool" -> BOOL;
            case "json" -> JSON;
            default -> null;
        });
    }

    static final String NAMES = "str, int, float, bytes, bool or json";

    /**
     * Converts a value read from the environment (a string) or written as a default (any JSON).
     *
     * @throws IllegalArgumentException saying what was expected, without the value
     */
    JsonNode convert(JsonNode value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        switch (this) {
            case STR:
                return value;
            case BYTES:
                // Python makes bytes; JSON has none, so the text stays (written as UTF-8 wherever it goes).
                if (value.isTextual()) {
                    return value;
                }
                throw new IllegalArgumentException("expected a string to convert to bytes, found " + kind(value));
            case INT:
                if (value.isTextual()) {
                    String text = value.textValue().strip();
                    if (!INTEGER.matcher(text).matches()) {
                        throw new IllegalArgumentException("expected an integer, found a text that is not one");
                    }
                    return nodes.numberNode(new BigInteger(text.replace("_", "").replace("+", "")));
                }
                if (value.isBoolean()) {
                    return nodes.numberNode(value.booleanValue() ? 1 : 0);
                }
                if (value.isNumber() && (!value.isFloatingPointNumber() || Double.isFinite(value.doubleValue()))) {
                    return nodes.numberNode(value.decimalValue().toBigInteger());
                }
                throw new IllegalArgumentException("expected an integer, found " + kind(value));
            case FLOAT:
                if (value.isTextual()) {
                    String text = value.textValue().strip();
                    if (text.isEmpty() || !FLOATING.matcher(text).matches() || text.matches("[+-]?\\.?")
                            || text.matches("(?i)[+-]?\\.?[eE].*")) {
                        throw new IllegalArgumentException("expected a number, found a text that is not one");
                    }
                    String lower = text.toLowerCase(Locale.ROOT).replace("_", "");
                    if (lower.endsWith("inf") || lower.endsWith("infinity")) {
                        return nodes.numberNode(lower.startsWith("-") ? Double.NEGATIVE_INFINITY
                                : Double.POSITIVE_INFINITY);
                    }
                    if (lower.endsWith("nan")) {
                        return nodes.numberNode(Double.NaN);
                    }
                    return nodes.numberNode(new BigDecimal(lower.replace("+", "")).doubleValue());
                }
                if (value.isBoolean()) {
                    return nodes.numberNode(value.booleanValue() ? 1.0 : 0.0);
                }
                if (value.isNumber()) {
                    return nodes.numberNode(value.doubleValue());
                }
                throw new IllegalArgumentException("expected a number, found " + kind(value));
            case BOOL:
                if (value.isBoolean()) {
                    return value;
                }
                if (value.isTextual()) {
                    String lower = value.textValue().toLowerCase(Locale.ROOT);
                    return nodes.booleanNode(!(lower.equals("false") || lower.equals("0") || lower.equals("no")));
                }
                throw new IllegalArgumentException("expected a string or a boolean, found " + kind(value));
            case JSON:
            default:
                if (!value.isTextual() || value.textValue().isEmpty()) {
                    return value;
                }
                try {
                    return STRICT_JSON.readTree(value.textValue());
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException("expected a JSON text, found one that does not parse (line "
                            + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
                }
        }
    }

    private static String kind(JsonNode value) {
        if (value.isNull()) {
            return "null";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isObject()) {
            return "an object";
        }
        if (value.isBoolean()) {
            return "a boolean";
        }
        return value.isNumber() ? "a number" : "a string";
    }
}
