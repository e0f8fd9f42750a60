package io.reliably.engine.python;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Expected texts are what CPython 3.11 prints. */
class PythonValuesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void shouldWriteValuesAsPythonsStr() {
        assertThat(PythonValues.str(json("true"))).isEqualTo("True");
        assertThat(PythonValues.str(json("null"))).isEqualTo("None");
        assertThat(PythonValues.str(json("\"text\""))).isEqualTo("text");
        assertThat(PythonValues.str(json("{\"a\": [1, \"it's\", false]}"))).isEqualTo("{'a': [1, \"it's\", False]}");
    }

    @Test
    void shouldWriteFloatsAsPythonsRepr() {
        assertThat(PythonValues.floatRepr(1e16)).isEqualTo("1e+16");
        assertThat(PythonValues.floatRepr(1e15)).isEqualTo("1000000000000000.0");
        assertThat(PythonValues.floatRepr(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(PythonValues.floatRepr(1e-5)).isEqualTo("1e-05");
        assertThat(PythonValues.floatRepr(0.0001)).isEqualTo("0.0001");
        assertThat(PythonValues.floatRepr(123456789012345678.0)).isEqualTo("1.2345678901234568e+17");
        assertThat(PythonValues.floatRepr(-2.5)).isEqualTo("-2.5");
    }

    @Test
    void shouldCompareNumbersAcrossTypes() {
        assertThat(PythonValues.equal(json("1"), json("1.0"))).isTrue();
        assertThat(PythonValues.equal(json("true"), json("1"))).isTrue();
        assertThat(PythonValues.equal(json("\"1\""), json("1"))).isFalse();
        assertThat(PythonValues.equal(json("{\"a\": [1, 2]}"), json("{\"a\": [1.0, 2]}"))).isTrue();
    }

    @Test
    void shouldOrderOnlyWherePythonDoes() {
        assertThat(PythonValues.compare(json("\"b\""), json("\"a\""))).contains(1);
        assertThat(PythonValues.compare(json("[1, 2]"), json("[1, 3]"))).contains(-1);
        assertThat(PythonValues.compare(json("1"), json("\"1\""))).isEmpty();
    }

    @Test
    void shouldTellTruthAsPythonsBool() {
        assertThat(PythonValues.truthy(json("{}"))).isFalse();
        assertThat(PythonValues.truthy(json("0.0"))).isFalse();
        assertThat(PythonValues.truthy(json("\"\""))).isFalse();
        assertThat(PythonValues.truthy(json("{\"status\": 500}"))).isTrue();
    }

    @Test
    void shouldDumpJsonAsPythonsJsonDumps() {
        assertThat(PythonJson.dumps(json("{\"a\": \"café\\u007f\", \"f\": 1e20, \"g\": 1e-5, \"l\": [1, null]}")))
                .isEqualTo("{\"a\": \"caf\\u00e9\\u007f\", \"f\": 1e+20, \"g\": 1e-05, \"l\": [1, null]}");
    }
}
