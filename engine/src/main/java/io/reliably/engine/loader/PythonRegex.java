package io.reliably.engine.loader;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a Python {@code re} pattern as a Java {@link Pattern}, so experiments written for Chaos
 * Toolkit keep matching the same texts: {@code (?P<name>…)} becomes {@code (?<name>…)},
 * {@code (?P=name)} becomes {@code \k<name>}, a brace that is no quantifier is a literal brace,
 * {@code {,n}} means {@code {0,n}}, {@code \Z} is the very end, {@code (?#…)} comments go, and
 * {@code [} or {@code &&} inside a character class are literal. Python's {@code re.search} is
 * {@link Matcher#find()}.
 */
public final class PythonRegex {

    private static final Pattern QUANTIFIER = Pattern.compile("\\{(\\d*)(,(\\d*))?}");
    private static final Pattern PYTHON_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern JAVA_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
    private static final Pattern FLAGS = Pattern.compile("\\(\\?([aiLmsux]+)(-[imsx]+)?([:)])");

    private PythonRegex() {
    }

    /**
     * Compiles a Python pattern.
     *
     * @throws PatternSyntaxException when it is no valid pattern (the message names the problem)
     */
    public static Pattern compile(String python) {
        return Pattern.compile(toJava(python));
    }

    /** The Java spelling of a Python pattern. */
    public static String toJava(String python) {
        StringBuilder out = new StringBuilder(python.length() + 8);
        Map<String, String> names = new HashMap<>();
        boolean inClass = false;
        int i = 0;
        while (i < python.length()) {
            char c = python.charAt(i);
            if (c == '\\') {
                if (i + 1 >= python.length()) {
                    out.append(c);
                    i++;
                    continue;
                }
                char next = python.charAt(i + 1);
                out.append(next == 'Z' && !inClass ? "\\z" : "\\" + next);
                i += 2;
                continue;
            }
            if (inClass) {
                if (c == ']') {
                    inClass = false;
                    out.append(c);
                } else if (c == '[') {
                    out.append("\\[");
                } else if (c == '&' && i + 1 < python.length() && python.charAt(i + 1) == '&') {
                    out.append("\\&");
                } else {
                    out.append(c);
                }
                i++;
                continue;
            }
            switch (c) {
                case '[' -> {
                    inClass = true;
                    out.append('[');
                    i++;
                    if (i < python.length() && python.charAt(i) == '^') {
                        out.append('^');
                        i++;
                    }
                    if (i < python.length() && python.charAt(i) == ']') {
                        out.append("\\]");
                        i++;
                    }
                }
                case '(' -> i = group(python, i, out, names);
                case '{' -> {
                    Matcher quantifier = QUANTIFIER.matcher(python).region(i, python.length());
                    if (quantifier.lookingAt() && (!quantifier.group(1).isEmpty() || quantifier.group(2) != null)) {
                        String low = quantifier.group(1).isEmpty() ? "0" : quantifier.group(1);
                        out.append('{').append(low);
                        if (quantifier.group(2) != null) {
                            out.append(',').append(quantifier.group(3));
                        }
                        out.append('}');
                        i = quantifier.end();
                    } else {
                        out.append("\\{");
                        i++;
                    }
                }
                case '}' -> {
                    out.append("\\}");
                    i++;
                }
                default -> {
                    out.append(c);
                    i++;
                }
            }
        }
        return out.toString();
    }

    private static int group(String python, int start, StringBuilder out, Map<String, String> names) {
        if (python.startsWith("(?P<", start)) {
            int close = python.indexOf('>', start);
            if (close > 0 && PYTHON_NAME.matcher(python.substring(start + 4, close)).matches()) {
                out.append("(?<").append(javaName(python.substring(start + 4, close), names)).append('>');
                return close + 1;
            }
        }
        if (python.startsWith("(?P=", start)) {
            int close = python.indexOf(')', start);
            if (close > 0 && PYTHON_NAME.matcher(python.substring(start + 4, close)).matches()) {
                out.append("\\k<").append(javaName(python.substring(start + 4, close), names)).append('>');
                return close + 1;
            }
        }
        if (python.startsWith("(?#", start)) {
            int close = python.indexOf(')', start);
            return close < 0 ? python.length() : close + 1;
        }
        Matcher flags = FLAGS.matcher(python).region(start, python.length());
        if (flags.lookingAt()) {
            String on = flags.group(1).replaceAll("[aLu]", "");
            String off = flags.group(2) == null ? "" : flags.group(2);
            String end = flags.group(3);
            if (on.isEmpty() && off.isEmpty()) {
                out.append(end.equals(":") ? "(?:" : "");
            } else {
                out.append("(?").append(on).append(off).append(end);
            }
            return flags.end();
        }
        out.append('(');
        return start + 1;
    }

    private static String javaName(String python, Map<String, String> names) {
        return names.computeIfAbsent(python, name -> JAVA_NAME.matcher(name).matches()
                ? name : "pyGroup" + names.size() + name.replaceAll("[^A-Za-z0-9]", ""));
    }
}
