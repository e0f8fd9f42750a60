package io.reliably.engine.provider.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Expected texts are what requests 2.34 prepares for the same arguments. */
class FormEncodingTest {

    private static String encode(String arguments) {
        JsonNode node = HttpProviderRunnerContract.json(arguments);
        return FormEncoding.encode(node);
    }

    @Test
    void shouldRepeatListValuesAndDropNulls() {
        assertThat(encode("{\"q\": \"a b&c\", \"tag\": [\"x\", \"y\"], \"skip\": null, \"on\": true, \"n\": 1.5}"))
                .isEqualTo("q=a+b%26c&tag=x&tag=y&on=True&n=1.5");
    }

    @Test
    void shouldIterateObjectsAndNestedListsAsPythonDoes() {
        assertThat(encode("{\"a\": {\"k1\": 1, \"k2\": 2}, \"b\": [[1, 2], \"z\"], \"c\": 1e20}"))
                .isEqualTo("a=k1&a=k2&b=1&b=2&b=z&c=1e%2B20");
    }

    @Test
    void shouldAcceptAListOfPairs() {
        assertThat(encode("[[\"a\", 1], [\"b\", null]]")).isEqualTo("a=1");
    }

    @Test
    void shouldRefuseAListThatIsNotOfPairs() {
        assertThatThrownBy(() -> encode("[1, 2, 3]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[name, value] pairs");
    }

    @Test
    void shouldUseAStringAsItIs() {
        assertThat(encode("\"x=1&y=2 3\"")).isEqualTo("x=1&y=2 3");
    }

    @Test
    void shouldRequoteAUrlAsRequestsDoes() {
        assertThat(FormEncoding.requote("http://h/a b/ü?x=1 2&y=%41%2F|{}"))
                .isEqualTo("http://h/a%20b/%C3%BC?x=1%202&y=A%2F%7C%7B%7D");
        assertThat(FormEncoding.requote("http://h/plain?x=1")).isEqualTo("http://h/plain?x=1");
    }

    @Test
    void shouldQuotePlusLikePython() {
        StringBuilder out = new StringBuilder();
        FormEncoding.quotePlus(out, "a b~*é");
        assertThat(out).hasToString("a+b~%2A%C3%A9");
    }
}
