package io.reliably.engine.python;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * How Python treats the JSON values Chaos Toolkit handles: {@code str()}, {@code ==}, ordering and
 * {@code bool()}. Chaos Toolkit's semantics are Python's, so matching them exactly means reproducing
 * these rules (for example {@code True == 1 == 1.0}) rather than Java's.
 */
public final class PythonValues {

    private PythonValues() {
    }

    /** Python's {@code str(value)}: strings as they are, {@code True}, {@code None}, {@code 1.0}. */
    public static String str(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "None";
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        return repr(value);
    }

    /** Python's {@code repr(value)} of the value decoded from JSON. */
    public static String repr(JsonNode value) {
        StringBuilder out = new StringBuilder();
        appendRepr(out, value);
        return out.toString();
    }

    private static void appendRepr(StringBuilder out, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            out.append("None");
        } else if (value.isBoolean()) {
            out.append(value.booleanValue() ? "True" : "False");
        } else if (value.isIntegralNumber()) {
            out.append(value.bigIntegerValue());
        } else if (value.isNumber()) {
            out.append(floatRepr(value.doubleValue()));
        } else if (value.isTextual()) {
            appendStringRepr(out, value.textValue());
        } else if (value.isArray()) {
            out.append('[');
            for (int i = 0; i < value.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                appendRepr(out, value.get(i));
            }
            out.append(']');
        } else if (value.isObject()) {
            out.append('{');
            boolean first = true;
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!first) {
                    out.append(", ");
                }
                first = false;
                appendStringRepr(out, field.getKey());
                out.append(": ");
                appendRepr(out, field.getValue());
            }
            out.append('}');
        } else {
            out.append(value.asText());
        }
    }

    private static void appendStringRepr(StringBuilder out, String text) {
        char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
        out.append(quote);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == quote || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append(quote);
    }

    /**
     * Python's {@code repr(float)}: the shortest digits that round-trip, positional between 1e-4 and
     * 1e16, otherwise scientific with a signed two-digit exponent ({@code 1e+16}).
     */
    public static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal exact = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        String digits = exact.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - exact.scale(); // d = 0.digits... scaled: digits[0].rest * 10^exponent
        String sign = d < 0 ? "-" : "";
        if (exponent >= -4 && exponent < 16) {
            String plain = exact.abs().toPlainString();
            if (plain.indexOf('.') < 0) {
                plain = plain + ".0";
            }
            return sign + plain;
        }
        StringBuilder out = new StringBuilder(sign).append(digits.charAt(0));
        if (digits.length() > 1) {
            out.append('.').append(digits, 1, digits.length());
        }
        out.append('e').append(exponent < 0 ? '-' : '+');
        int abs = Math.abs(exponent);
        if (abs < 10) {
            out.append('0');
        }
        return out.append(abs).toString();
    }

    /**
     * Python's {@code ==} between two decoded JSON values: numbers compare by value whatever their
     * type ({@code True == 1 == 1.0}), lists element by element, objects key by key.
     */
    public static boolean equal(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (isNumeric(a) && isNumeric(b)) {
            return !isNaN(a) && !isNaN(b) && numericCompare(a, b) == 0;
        }
        if (a.isNull() || b.isNull()) {
            return a.isNull() && b.isNull();
        }
        if (a.isTextual() && b.isTextual()) {
            return a.textValue().equals(b.textValue());
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!equal(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode other = b.get(field.getKey());
                if (other == null || !equal(field.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** Python's {@code needle in haystack} for a list: {@link #equal} against each element. */
    public static boolean contains(JsonNode haystack, JsonNode needle) {
        for (JsonNode element : haystack) {
            if (equal(element, needle)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Python's ordering ({@code <}, {@code <=}) where it is defined: numbers (booleans count as 0 and
     * 1), strings by code point, lists lexicographically.
     *
     * @return negative, zero or positive; empty where Python raises {@code TypeError}
     */
    public static Optional<Integer> compare(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return Optional.empty();
        }
        if (isNumeric(a) && isNumeric(b)) {
            if (isNaN(a) || isNaN(b)) {
                return Optional.empty();
            }
            return Optional.of(numericCompare(a, b));
        }
        if (a.isTextual() && b.isTextual()) {
            return Optional.of(compareCodePoints(a.textValue(), b.textValue()));
        }
        if (a.isArray() && b.isArray()) {
            int n = Math.min(a.size(), b.size());
            for (int i = 0; i < n; i++) {
                if (!equal(a.get(i), b.get(i))) {
                    return compare(a.get(i), b.get(i));
                }
            }
            return Optional.of(Integer.compare(a.size(), b.size()));
        }
        return Optional.empty();
    }

    /**
     * Python's {@code bool(value)}: {@code None}, {@code False}, zero, empty strings, lists and objects
     * are false; everything else is true.
     */
    public static boolean truthy(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return isNaN(value) || numericCompare(value, ZERO) != 0;
        }
        if (value.isTextual()) {
            return !value.textValue().isEmpty();
        }
        if (value.isContainerNode()) {
            return value.size() > 0;
        }
        return true;
    }

    private static final JsonNode ZERO = com.fasterxml.jackson.databind.node.IntNode.valueOf(0);

    /** Whether Python would see a number: a JSON number or a boolean ({@code bool} is an {@code int}). */
    public static boolean isNumeric(JsonNode value) {
        return value.isNumber() || value.isBoolean();
    }

    private static boolean isNaN(JsonNode value) {
        return value.isFloatingPointNumber() && Double.isNaN(value.doubleValue());
    }

    /**
     * The exact value Python works with: integers as they are, floats as their exact binary value
     * (what {@code Decimal(float)} gives), booleans as 0 and 1. Infinite and NaN floats have none.
     */
    public static Optional<BigDecimal> exactDecimal(JsonNode value) {
        if (value.isBoolean()) {
            return Optional.of(value.booleanValue() ? BigDecimal.ONE : BigDecimal.ZERO);
        }
        if (value.isIntegralNumber()) {
            return Optional.of(new BigDecimal(value.bigIntegerValue()));
        }
        if (value.isBigDecimal()) {
            return Optional.of(value.decimalValue());
        }
        if (value.isNumber()) {
            double d = value.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return Optional.empty();
            }
            return Optional.of(new BigDecimal(d));
        }
        return Optional.empty();
    }

    private static int numericCompare(JsonNode a, JsonNode b) {
        if (a.isFloatingPointNumber() || b.isFloatingPointNumber()) {
            double x = a.isBoolean() ? (a.booleanValue() ? 1 : 0) : a.doubleValue();
            double y = b.isBoolean() ? (b.booleanValue() ? 1 : 0) : b.doubleValue();
            if (Double.isInfinite(x) || Double.isInfinite(y) || Double.isNaN(x) || Double.isNaN(y)) {
                return Double.compare(x, y);
            }
        }
        Optional<BigDecimal> x = exactDecimal(a);
        Optional<BigDecimal> y = exactDecimal(b);
        return x.orElseThrow().compareTo(y.orElseThrow());
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
