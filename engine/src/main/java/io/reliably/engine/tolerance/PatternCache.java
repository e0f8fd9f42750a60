package io.reliably.engine.tolerance;

import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import io.reliably.engine.loader.PythonRegex;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiled regular expressions and JSON paths, kept so a hypothesis checked every few seconds does not
 * compile the same text again. Bounded: an experiment has few; substitution could make many.
 */
final class PatternCache {

    private static final int MAX = 512;
    /**
     * Python 3's {@code re} on text: {@code \w}, {@code \d}, {@code \s} and case folding are Unicode;
     * only {@code \n} ends a line for {@code .} and {@code $}.
     */
    private static final int PYTHON_FLAGS = Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNIX_LINES;

    private final Map<String, Optional<Pattern>> regexes = new ConcurrentHashMap<>();
    private final Map<String, Optional<JsonPath>> paths = new ConcurrentHashMap<>();

    /** @return the pattern, or empty when it does not compile */
    Optional<Pattern> regex(String python) {
        Optional<Pattern> cached = regexes.get(python);
        if (cached == null) {
            cached = compileRegex(python);
            put(regexes, python, cached);
        }
        return cached;
    }

    /** @return the path, or empty when it does not compile */
    Optional<JsonPath> jsonPath(String path) {
        Optional<JsonPath> cached = paths.get(path);
        if (cached == null) {
            try {
                cached = Optional.of(JsonPath.compile(path));
            } catch (InvalidPathException | IllegalArgumentException e) {
                cached = Optional.empty();
            }
            put(paths, path, cached);
        }
        return cached;
    }

    private static Optional<Pattern> compileRegex(String python) {
        try {
            return Optional.of(Pattern.compile(PythonRegex.toJava(python), PYTHON_FLAGS));
        } catch (PatternSyntaxException | StackOverflowError e) {
            return Optional.empty();
        }
    }

    private static <T> void put(Map<String, T> cache, String key, T value) {
        if (cache.size() >= MAX) {
            cache.clear();
        }
        cache.put(key, value);
    }
}
