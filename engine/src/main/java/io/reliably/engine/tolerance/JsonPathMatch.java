package io.reliably.engine.tolerance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import io.reliably.engine.configuration.Substitution;
import io.reliably.engine.experiment.Tolerance;
import io.reliably.engine.python.PythonValues;
import java.util.Optional;

/**
 * The {@code jsonpath} tolerance: the value (or its {@code target}), JSON-decoded when it is a string,
 * is searched with Jayway JsonPath on Jackson. One match or more passes; {@code count} asks for an
 * exact number; {@code expect} compares the matches with {@code [expect]}, or with {@code expect}
 * itself when it is a list, and then decides alone, as in Chaos Toolkit. Thread-safe.
 */
final class JsonPathMatch {

    private final PatternCache cache;
    private volatile Configuration configuration;
    private volatile ObjectReader reader;

    JsonPathMatch(PatternCache cache) {
        this.cache = cache;
    }

    boolean isMet(Tolerance.JsonPath tolerance, JsonNode output, Substitution substitution) {
        JsonNode value = ToleranceCheck.target(output, tolerance.target());
        if (value.isTextual()) {
            value = decode(value);
        }
        Optional<JsonPath> path = cache.jsonPath(substitution.apply(tolerance.path()));
        if (path.isEmpty()) {
            return false;
        }
        JsonNode matches = path.get().read(value, configuration());
        int found = matches == null ? 0 : matches.size();
        boolean result = tolerance.count() == null ? found > 0 : found == tolerance.count();
        if (tolerance.expect() != null) {
            JsonNode expect = substitution.apply(tolerance.expect());
            if (expect.isArray()) {
                result = matches != null && PythonValues.equal(matches, expect);
            } else {
                result = found == 1 && PythonValues.equal(matches.get(0), expect);
            }
        }
        return result;
    }

    /** {@code json.loads(value)}, or the string itself when it is no JSON. */
    private JsonNode decode(JsonNode text) {
        try {
            JsonNode decoded = reader().readTree(text.textValue());
            return decoded == null || decoded.isMissingNode() ? text : decoded;
        } catch (JsonProcessingException e) {
            return text;
        }
    }

    private Configuration configuration() {
        Configuration built = configuration;
        if (built == null) {
            built = Configuration.builder()
                    .jsonProvider(new JacksonJsonNodeJsonProvider())
                    .mappingProvider(new JacksonMappingProvider())
                    .options(Option.ALWAYS_RETURN_LIST, Option.SUPPRESS_EXCEPTIONS)
                    .build();
            configuration = built;
        }
        return built;
    }

    private ObjectReader reader() {
        ObjectReader built = reader;
        if (built == null) {
            built = JsonMapper.builder()
                    .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .build()
                    .readerFor(JsonNode.class);
            reader = built;
        }
        return built;
    }
}
