package io.reliably.engine.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Matcher;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonRegexTest {

    @Test
    void shouldReadPythonNamedGroupsAndBackReferences() {
        Matcher matcher = PythonRegex.compile("(?P<word>[a-z]+)-(?P=word)").matcher("say ha-ha");

        assertThat(matcher.find()).isTrue();
        assertThat(matcher.group()).isEqualTo("ha-ha");
    }

    @Test
    void shouldAcceptGroupNamesWithUnderscoresThatJavaRefuses() {
        Matcher matcher = PythonRegex.compile("(?P<first_word>\\w+) (?P=first_word)").matcher("go go");

        assertThat(matcher.find()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"status": "ok"}      | {"status": "ok"}         | true
            a{,2}b                | aab                      | true
            a{,2}b                | aaab                     | true
            ^a{,2}b               | aaab                     | false
            x{2}                  | xx                       | true
            [[]x                  | [x                       | true
            [a&&b]                | &                        | true
            ok\\Z                 | ok                       | true
            (?#a comment)ok       | ok                       | true
            (?a)\\w+              | abc                      | true
            (?i)OK                | ok                       | true
            """)
    void shouldMatchAsPythonReSearchDoes(String pattern, String text, boolean found) {
        assertThat(PythonRegex.compile(pattern).matcher(text).find()).isEqualTo(found);
    }

    @Test
    void shouldTreatZAsTheVeryEndLikePython() {
        assertThat(PythonRegex.compile("ok\\Z").matcher("ok\n").find()).isFalse();
    }

    @Test
    void shouldRefuseAPatternPythonRefusesToo() {
        assertThatThrownBy(() -> PythonRegex.compile("(unclosed")).isInstanceOf(PatternSyntaxException.class);
    }
}
