package io.reliably.engine.python;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes JSON exactly as Python's {@code json.dumps} does by default, the way {@code requests} sends a
 * {@code json=} body: {@code ", "} and {@code ": "} separators, non-ASCII characters escaped as
 * lower-case {@code \u00e9}, floats as Python writes them. A server that compares bodies byte for byte
 * sees what it saw from Chaos Toolkit. (Jackson writes upper-case escapes and other separators, hence
 * this small writer.)
 */
public final class PythonJson {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private PythonJson() {
    }

    /** {@code json.dumps(value)}. */
    public static String dumps(JsonNode value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString();
    }

    private static void write(StringBuilder out, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            out.append("null");
        } else if (value.isBoolean()) {
            out.append(value.booleanValue());
        } else if (value.isIntegralNumber()) {
            out.append(value.bigIntegerValue());
        } else if (value.isNumber()) {
            double d = value.doubleValue();
            if (Double.isNaN(d)) {
                out.append("NaN");
            } else if (Double.isInfinite(d)) {
                out.append(d > 0 ? "Infinity" : "-Infinity");
            } else {
                out.append(PythonValues.floatRepr(d));
            }
        } else if (value.isTextual()) {
            writeString(out, value.textValue());
        } else if (value.isArray()) {
            out.append('[');
            for (int i = 0; i < value.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                write(out, value.get(i));
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
                writeString(out, field.getKey());
                out.append(": ");
                write(out, field.getValue());
            }
            out.append('}');
        } else {
            writeString(out, value.asText());
        }
    }

    private static void writeString(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
                                .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
