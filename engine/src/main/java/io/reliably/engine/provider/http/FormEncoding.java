package io.reliably.engine.provider.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.reliably.engine.python.PythonValues;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * Encodes {@code arguments} as {@code requests} does for {@code params=} (the query string) and
 * {@code data=} (a form body): {@code urlencode(..., doseq=True)} with {@code quote_plus}, lists
 * repeated, {@code None} dropped, values written with Python's {@code str()}. Also re-quotes a URL as
 * {@code requests.utils.requote_uri} does, so a URL Chaos Toolkit accepts is accepted here.
 */
final class FormEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final String URL_SAFE = "!#$%&'()*+,/:;=?@[]~";

    private FormEncoding() {
    }

    /**
     * {@code requests}' {@code _encode_params}: a string is used as it is; an object or a list of
     * pairs is form-encoded.
     *
     * @return the encoded text, empty when there is nothing to send
     * @throws IllegalArgumentException when the arguments have a shape {@code requests} refuses
     */
    static String encode(JsonNode arguments) {
        if (arguments == null || arguments.isNull()) {
            return "";
        }
        if (arguments.isTextual()) {
            return arguments.textValue();
        }
        if (arguments.isNumber() || arguments.isBoolean()) {
            return PythonValues.str(arguments);
        }
        StringBuilder out = new StringBuilder();
        if (arguments.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = arguments.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                appendPairs(out, field.getKey(), field.getValue());
            }
        } else {
            for (JsonNode pair : arguments) {
                if (!pair.isArray() || pair.size() != 2) {
                    throw new IllegalArgumentException(
                            "arguments given as a list must be a list of [name, value] pairs");
                }
                appendPairs(out, PythonValues.str(pair.get(0)), pair.get(1));
            }
        }
        return out.toString();
    }

    private static void appendPairs(StringBuilder out, String key, JsonNode values) {
        if (values.isArray()) {
            for (JsonNode value : values) {
                appendValue(out, key, value);
            }
        } else if (values.isObject()) {
            // Python iterates a dict's keys.
            values.fieldNames().forEachRemaining(name -> appendPair(out, key, name));
        } else {
            appendValue(out, key, values);
        }
    }

    private static void appendValue(StringBuilder out, String key, JsonNode value) {
        if (value.isNull()) {
            return;
        }
        if (value.isArray()) {
            // urlencode(doseq=True) expands a sequence once more
            for (JsonNode element : value) {
                appendPair(out, key, PythonValues.str(element));
            }
        } else if (value.isObject()) {
            value.fieldNames().forEachRemaining(name -> appendPair(out, key, name));
        } else {
            appendPair(out, key, PythonValues.str(value));
        }
    }

    private static void appendPair(StringBuilder out, String key, String value) {
        if (out.length() > 0) {
            out.append('&');
        }
        quotePlus(out, key);
        out.append('=');
        quotePlus(out, value);
    }

    /** Python's {@code quote_plus}: spaces become {@code +}; only letters, digits and {@code _.-~} stay. */
    static void quotePlus(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isUnreserved(c)) {
                out.append(c);
            } else if (c == ' ') {
                out.append('+');
            } else {
                percentEncode(out, text, i);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                    i++;
                }
            }
        }
    }

    /**
     * {@code requests.utils.requote_uri}: decodes percent-escapes of unreserved characters and
     * percent-encodes every character that is neither unreserved nor reserved (spaces, quotes,
     * non-ASCII...).
     */
    static String requote(String url) {
        boolean clean = true;
        for (int i = 0; i < url.length() && clean; i++) {
            char c = url.charAt(i);
            clean = c != '%' && (isUnreserved(c) || URL_SAFE.indexOf(c) >= 0);
        }
        if (clean) {
            return url;
        }
        boolean validEscapes = hasValidEscapes(url);
        StringBuilder out = new StringBuilder(url.length() + 16);
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '%' && validEscapes) {
                char decoded = (char) Integer.parseInt(url.substring(i + 1, i + 3), 16);
                if (isUnreserved(decoded)) {
                    out.append(decoded);
                } else {
                    out.append(url, i, i + 3);
                }
                i += 2;
            } else if (isUnreserved(c) || (URL_SAFE.indexOf(c) >= 0 && (c != '%' || validEscapes))) {
                out.append(c);
            } else {
                percentEncode(out, url, i);
                if (Character.isHighSurrogate(c) && i + 1 < url.length()) {
                    i++;
                }
            }
        }
        return out.toString();
    }

    private static boolean hasValidEscapes(String url) {
        for (int i = url.indexOf('%'); i >= 0; i = url.indexOf('%', i + 1)) {
            if (i + 2 >= url.length() || Character.digit(url.charAt(i + 1), 16) < 0
                    || Character.digit(url.charAt(i + 2), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static void percentEncode(StringBuilder out, String text, int index) {
        int end = Character.isHighSurrogate(text.charAt(index)) && index + 1 < text.length() ? index + 2 : index + 1;
        for (byte b : text.substring(index, end).getBytes(StandardCharsets.UTF_8)) {
            out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
        }
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '_' || c == '.' || c == '-' || c == '~';
    }
}
