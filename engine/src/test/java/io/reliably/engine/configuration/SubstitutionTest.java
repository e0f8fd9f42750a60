package io.reliably.engine.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.reliably.engine.loader.ExperimentLoader;
import io.reliably.engine.secret.SecretResolver;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Substitution as Chaos Toolkit applies Python's string.Template; every expected value below is
 * what chaoslib's TypedTemplate gives for the same configuration and secrets.
 */
class SubstitutionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private Substitution substitution;

    @BeforeEach
    void resolve() throws Exception {
        var experiment = new ExperimentLoader().parse("values.json", """
                {"title": "t", "description": "d", "method": [],
                 "configuration": {"port": 8080, "host": "example.com", "flag": true, "none": null, "ratio": 0.5,
                   "big": 1e16, "small": 1e-05, "obj": {"a": [1, "b", null, false]}, "list": [1, 2],
                   "quote": "it's", "shared": "config"},
                 "secrets": {"g1": {"token": "s3cr3t", "shared": "secret"}, "g2": {"password": "pw"}}}""");
        substitution = new RunValuesResolver(Map.of(), SecretResolver.NONE).resolve(experiment, Map.of())
                .substitution();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("${port}", "8080"),
                Arguments.of("$port", "\"8080\""),
                Arguments.of("${host}", "\"example.com\""),
                Arguments.of("http://${host}:${port}/x", "\"http://example.com:8080/x\""),
                Arguments.of("$host/$port", "\"example.com/8080\""),
                Arguments.of("$$", "\"$\""),
                Arguments.of("$$port", "\"$port\""),
                Arguments.of("$${port}", "\"${port}\""),
                Arguments.of("$", "\"$\""),
                Arguments.of("a $ b", "\"a $ b\""),
                Arguments.of("${missing}", "\"${missing}\""),
                Arguments.of("$missing", "\"$missing\""),
                Arguments.of("x ${missing} y", "\"x ${missing} y\""),
                Arguments.of("${flag}", "true"),
                Arguments.of("${flag}!", "\"True!\""),
                Arguments.of("${none}", "null"),
                Arguments.of("v=${none}", "\"v=None\""),
                Arguments.of("${ratio}", "0.5"),
                Arguments.of("${big}-", "\"1e+16-\""),
                Arguments.of("${small}-", "\"1e-05-\""),
                Arguments.of("${obj}", "{\"a\": [1, \"b\", null, false]}"),
                Arguments.of("${obj}.", "\"{'a': [1, 'b', None, False]}.\""),
                Arguments.of("${list} ", "\"[1, 2] \""),
                Arguments.of("${quote} ", "\"it's \""),
                Arguments.of("${token}", "\"s3cr3t\""),
                Arguments.of("Bearer ${token}", "\"Bearer s3cr3t\""),
                Arguments.of("${shared}", "\"config\""),
                Arguments.of("${password}", "\"pw\""),
                Arguments.of("${my-key}", "\"${my-key}\""),
                Arguments.of("${1abc}", "\"${1abc}\""),
                Arguments.of("$1abc", "\"$1abc\""),
                Arguments.of("${PORT}", "\"${PORT}\""),
                Arguments.of("${ port }", "\"${ port }\""),
                Arguments.of("$port_x", "\"$port_x\""),
                Arguments.of("${port}${port}", "\"80808080\""),
                Arguments.of("", "\"\"")
        );
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("cases")
    void shouldSubstituteAsChaosToolkit(String template, String expectedJson) throws Exception {
        JsonNode result = substitution.apply(JsonNodeFactory.instance.textNode(template));

        assertThat(result).isEqualTo(JSON.readTree(expectedJson));
    }

    @Test
    void shouldSubstituteInsideListsAndObjectsButNeverInKeys() throws Exception {
        JsonNode value = JSON.readTree("{\"${host}\": [\"${port}\", {\"u\": \"http://${host}\"}, 3, null]}");

        assertThat(substitution.apply(value))
                .isEqualTo(JSON.readTree("{\"${host}\": [8080, {\"u\": \"http://example.com\"}, 3, null]}"));
    }

    @Test
    void shouldLeaveTheOriginalUntouched() throws Exception {
        JsonNode value = JSON.readTree("[\"${port}\"]");

        substitution.apply(value);

        assertThat(value.get(0).asText()).isEqualTo("${port}");
    }

    @Test
    void shouldWriteAWholePlaceholderAsJsonTextWhenAStringIsAskedFor() {
        assertThat(substitution.apply("${obj}")).isEqualTo("{\"a\":[1,\"b\",null,false]}");
        assertThat(substitution.apply("${port}")).isEqualTo("8080");
        assertThat(substitution.apply("http://${host}:${port}")).isEqualTo("http://example.com:8080");
        assertThat(substitution.apply("${flag} ${none}")).isEqualTo("True None");
    }
}
