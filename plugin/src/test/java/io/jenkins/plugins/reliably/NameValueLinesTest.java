package io.jenkins.plugins.reliably;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The freestyle forms' vars, labels and variables: name=value lines. */
class NameValueLinesTest {

    @Test
    void shouldReadOnePairPerLineSkippingBlanksAndComments() {
        assertThat(ReliablyRunBuilder.parseLines("""
                base_url = https://example.com/?a=b

                # a comment
                replicas=3
                """)).containsExactly(Map.entry("base_url", "https://example.com/?a=b"), Map.entry("replicas", "3"));
    }

    @Test
    void shouldKeepALineWithoutEqualsSoValidationNamesIt() {
        Map<String, String> vars = ReliablyRunBuilder.parseLines("oops");

        assertThat(vars).containsOnlyKeys("oops=");
        assertThat(io.jenkins.plugins.reliably.core.RunOptions.builder().experiment("e").vars(vars).build().problems())
                .containsExactly("vars: expected variable names without '=' or ':', got 'oops='");
    }

    @Test
    void shouldReadNothingFromNothing() {
        assertThat(ReliablyRunBuilder.parseLines(null)).isEmpty();
        assertThat(ReliablyRunBuilder.parseLines("\r\n  \n")).isEmpty();
    }
}
