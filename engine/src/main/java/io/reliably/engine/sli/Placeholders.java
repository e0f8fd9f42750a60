package io.reliably.engine.sli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces {@code $name} placeholders in one pass; inserted values are never scanned again, and
 * unknown placeholders stay literal, as in both upstreams.
 *
 * <p>Two kinds of names are known. <em>Iter8 names</em> (version name and variables,
 * {@code elapsedTime}, a secret's keys) follow Python's {@code string.Template.safe_substitute}: the
 * longest identifier after {@code $} ({@code [_A-Za-z][_A-Za-z0-9]*}) or the text inside
 * {@code ${...}} must match exactly, and {@code $$} is a literal {@code $}. <em>Keptn names</em>
 * ({@code PROJECT}, {@code LABEL.<key>}, filter keys, the window, {@code QUERY}) follow
 * prometheus-service's plain string replacement: the longest known name starting right after
 * {@code $} wins, so {@code $LABEL.build-id} and {@code $SERVICE_URL} (with {@code SERVICE} known)
 * work as they do in Keptn. Iter8 names are tried first.
 */
public final class Placeholders {

    private final Map<String, String> iter8;
    private final Map<String, String> keptn;
    private final List<String> keptnNamesLongestFirst;
    private final boolean iter8Syntax;

    private Placeholders(Map<String, String> iter8, Map<String, String> keptn, boolean iter8Syntax) {
        this.iter8 = Map.copyOf(iter8);
        this.keptn = new LinkedHashMap<>(keptn);
        List<String> names = new ArrayList<>(keptn.keySet());
        names.sort(Comparator.comparingInt(String::length).reversed());
        this.keptnNamesLongestFirst = List.copyOf(names);
        this.iter8Syntax = iter8Syntax;
    }

    /** Keptn's substitution only, for {@code sli.yaml} queries: no {@code ${}} and no {@code $$}. */
    public static Placeholders keptn(Map<String, String> keptn) {
        return new Placeholders(Map.of(), keptn, false);
    }

    /** Iter8's substitution with these names, plus these Keptn names, for metric definitions. */
    public static Placeholders iter8(Map<String, String> iter8, Map<String, String> keptn) {
        return new Placeholders(iter8, keptn, true);
    }

    /** Substitutes; {@code null} stays {@code null}. */
    public String apply(String text) {
        if (text == null || text.indexOf('$') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 32);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$' || i + 1 >= text.length()) {
                out.append(c);
                i++;
                continue;
            }
            char next = text.charAt(i + 1);
            if (iter8Syntax && next == '$') {
                out.append('$');
                i += 2;
                continue;
            }
            if (iter8Syntax && next == '{') {
                int close = text.indexOf('}', i + 2);
                if (close > 0) {
                    String name = text.substring(i + 2, close);
                    String value = iter8.containsKey(name) ? iter8.get(name) : keptn.get(name);
                    if (value != null) {
                        out.append(value);
                        i = close + 1;
                        continue;
                    }
                }
                out.append('$');
                i++;
                continue;
            }
            String identifier = identifierAt(text, i + 1);
            if (!identifier.isEmpty() && iter8.containsKey(identifier)) {
                out.append(iter8.get(identifier));
                i += 1 + identifier.length();
                continue;
            }
            String name = keptnNameAt(text, i + 1);
            if (name != null) {
                out.append(keptn.get(name));
                i += 1 + name.length();
                continue;
            }
            out.append('$');
            i++;
        }
        return out.toString();
    }

    private String keptnNameAt(String text, int from) {
        for (String name : keptnNamesLongestFirst) {
            if (!name.isEmpty() && text.startsWith(name, from)) {
                return name;
            }
        }
        return null;
    }

    private static String identifierAt(String text, int from) {
        int end = from;
        while (end < text.length()) {
            char c = text.charAt(end);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
            boolean digit = c >= '0' && c <= '9';
            if (letter || (digit && end > from)) {
                end++;
            } else {
                break;
            }
        }
        return text.substring(from, end);
    }
}
