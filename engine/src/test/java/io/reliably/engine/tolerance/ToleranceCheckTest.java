package io.reliably.engine.tolerance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.reliably.engine.configuration.Substitution;
import io.reliably.engine.experiment.Activity;
import io.reliably.engine.experiment.ActivityType;
import io.reliably.engine.experiment.HttpProvider;
import io.reliably.engine.experiment.Pauses;
import io.reliably.engine.experiment.ProcessProvider;
import io.reliably.engine.experiment.Provider;
import io.reliably.engine.experiment.Tolerance;
import io.reliably.engine.provider.Cancellation;
import io.reliably.engine.provider.LocalHttpServer;
import io.reliably.engine.provider.Providers;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToleranceCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Substitution NONE = Substitutions.none();

    private final ToleranceCheck check = new ToleranceCheck(new Providers());

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private boolean met(Tolerance tolerance, String value) {
        return check.isMet(tolerance, json(value), NONE, new Cancellation());
    }

    private static Tolerance list(String values) {
        List<JsonNode> elements = new ArrayList<>();
        json(values).forEach(elements::add);
        return new Tolerance.Values(elements);
    }

    @Nested
    class BoolTolerance {
        @Test
        void shouldBeMetByTheSameBoolean() {
            assertThat(met(new Tolerance.Bool(true), "true")).isTrue();
        }

        @Test
        void shouldNotBeMetByTheOtherBoolean() {
            assertThat(met(new Tolerance.Bool(true), "false")).isFalse();
        }

        @Test
        void shouldBeMetByOneAsPythonSaysTrueEqualsOne() {
            assertThat(met(new Tolerance.Bool(true), "1")).isTrue();
            assertThat(met(new Tolerance.Bool(false), "0.0")).isTrue();
        }

        @Test
        void shouldNotBeMetByAString() {
            assertThat(met(new Tolerance.Bool(true), "\"true\"")).isFalse();
        }
    }

    @Nested
    class IntTolerance {
        @Test
        void shouldCompareTheStatusOfAnOutput() {
            assertThat(met(new Tolerance.Int(200), "{\"status\": 200, \"body\": \"\"}")).isTrue();
        }

        @Test
        void shouldNotBeMetByAnotherStatus() {
            assertThat(met(new Tolerance.Int(200), "{\"status\": 503, \"body\": \"\"}")).isFalse();
        }

        @Test
        void shouldCompareAPlainValueAsPythonDoes() {
            assertThat(met(new Tolerance.Int(3), "3.0")).isTrue();
            assertThat(met(new Tolerance.Int(3), "\"3\"")).isFalse();
        }
    }

    @Nested
    class TextTolerance {
        @Test
        void shouldBeMetByTheSameString() {
            assertThat(met(new Tolerance.Text("ok"), "\"ok\"")).isTrue();
        }

        @Test
        void shouldNotBeMetByAnotherString() {
            assertThat(met(new Tolerance.Text("ok"), "\"OK\"")).isFalse();
        }

        @Test
        void shouldBeSubstitutedFirst() {
            Substitution values = Substitutions.of(Map.of("word", TextNode.valueOf("ready")));

            assertThat(check.isMet(new Tolerance.Text("${word}!"), json("\"ready!\""), values, new Cancellation()))
                    .isTrue();
        }

        @Test
        void shouldActAsTheTypeItWasSubstitutedWith() {
            Substitution values = Substitutions.of(Map.of("code", IntNode.valueOf(200)));

            assertThat(check.isMet(new Tolerance.Text("${code}"), json("{\"status\": 200}"), values,
                    new Cancellation())).isTrue();
        }
    }

    @Nested
    class ListTolerance {
        @Test
        void shouldCheckTheStatusIsOneOfTheValues() {
            assertThat(met(list("[200, 201, 204]"), "{\"status\": 204}")).isTrue();
            assertThat(met(list("[200, 201, 204]"), "{\"status\": 202}")).isFalse();
        }

        @Test
        void shouldReadTwoValuesAsMembershipWhenTheOutputHasAStatus() {
            assertThat(met(list("[200, 299]"), "{\"status\": 250}")).isFalse();
            assertThat(met(list("[200, 299]"), "{\"status\": 299}")).isTrue();
        }

        @Test
        void shouldReadTwoValuesAsAnInclusiveRangeOtherwise() {
            assertThat(met(list("[1, 10]"), "10")).isTrue();
            assertThat(met(list("[1, 10]"), "5.5")).isTrue();
            assertThat(met(list("[1, 10]"), "10.5")).isFalse();
        }

        @Test
        void shouldCompareStringsInARangeAsPythonDoes() {
            assertThat(met(list("[\"a\", \"c\"]"), "\"b\"")).isTrue();
            assertThat(met(list("[\"a\", \"c\"]"), "\"d\"")).isFalse();
        }

        @Test
        void shouldNotBeMetWhenPythonCannotCompare() {
            assertThat(met(list("[1, 10]"), "\"5\"")).isFalse();
            assertThat(met(list("[1, 10]"), "null")).isFalse();
        }

        @Test
        void shouldCheckMembershipForOtherLengths() {
            assertThat(met(list("[\"up\", \"ok\", \"fine\"]"), "\"ok\"")).isTrue();
            assertThat(met(list("[1, 2, 3]"), "2.0")).isTrue();
            assertThat(met(list("[1, 2, 3]"), "5")).isFalse();
        }
    }

    @Nested
    class RangeTolerance {
        @Test
        void shouldBeMetInsideTheBoundsInclusive() {
            Tolerance range = new Tolerance.Range(BigDecimal.ZERO, BigDecimal.TEN, null);

            assertThat(met(range, "0")).isTrue();
            assertThat(met(range, "10")).isTrue();
            assertThat(met(range, "10.000001")).isFalse();
        }

        @Test
        void shouldReadTheTargetAsADecimal() {
            Tolerance range = new Tolerance.Range(BigDecimal.ZERO, BigDecimal.TEN, "stdout");

            assertThat(met(range, "{\"status\": 0, \"stdout\": \" 7.5\\n\", \"stderr\": \"\"}")).isTrue();
            assertThat(met(range, "{\"status\": 0, \"stdout\": \"11\", \"stderr\": \"\"}")).isFalse();
        }

        @Test
        void shouldNotBeMetByANonNumber() {
            Tolerance range = new Tolerance.Range(BigDecimal.ZERO, BigDecimal.TEN, null);

            assertThat(met(range, "\"seven\"")).isFalse();
            assertThat(met(range, "[5]")).isFalse();
            assertThat(met(range, "\"NaN\"")).isFalse();
        }

        @Test
        void shouldGiveARangeOfStatusesWithTheStatusTarget() {
            Tolerance range = new Tolerance.Range(new BigDecimal(200), new BigDecimal(299), "status");

            assertThat(met(range, "{\"status\": 250, \"body\": \"\"}")).isTrue();
            assertThat(met(range, "{\"status\": 302, \"body\": \"\"}")).isFalse();
        }

        @Test
        void shouldAcceptPythonDecimalSpellings() {
            Tolerance range = new Tolerance.Range(BigDecimal.ZERO, new BigDecimal(2000), null);

            assertThat(met(range, "\"1_000\"")).isTrue();
            assertThat(met(range, "\".5\"")).isTrue();
            assertThat(met(range, "\"1e3\"")).isTrue();
            assertThat(met(range, "\"Infinity\"")).isFalse();
        }

        @Test
        void shouldSeeAFloatBoundAsPythonsExactBinaryValue() {
            Tolerance range = new Tolerance.Range(BigDecimal.ZERO, new BigDecimal("0.3"), null);

            assertThat(met(range, "0.3")).isTrue();
            assertThat(met(range, "\"0.3\"")).isFalse(); // Decimal("0.3") > Decimal(0.3) in Python too
        }
    }

    @Nested
    class RegexTolerance {
        @Test
        void shouldSearchTheTarget() {
            Tolerance regex = new Tolerance.Regex("ready", "stdout");

            assertThat(met(regex, "{\"status\": 0, \"stdout\": \"service is ready\\n\"}")).isTrue();
            assertThat(met(regex, "{\"status\": 0, \"stdout\": \"starting\\n\"}")).isFalse();
        }

        @Test
        void shouldAcceptPythonNamedGroupsAndBackReferences() {
            Tolerance regex = new Tolerance.Regex("(?P<word_1>\\w+) (?P=word_1)", null);

            assertThat(met(regex, "\"it is is fine\"")).isTrue();
            assertThat(met(regex, "\"it is fine\"")).isFalse();
        }

        @Test
        void shouldMatchUnicodeWordsAsPythonDoes() {
            assertThat(met(new Tolerance.Regex("^\\w+$", null), "\"café\"")).isTrue();
        }

        @Test
        void shouldSubstituteThePattern() {
            Substitution values = Substitutions.of(Map.of("name", TextNode.valueOf("api")));

            assertThat(check.isMet(new Tolerance.Regex("^${name}-\\d+$", null), json("\"api-42\""), values,
                    new Cancellation())).isTrue();
        }

        @Test
        void shouldNotBeMetByANonString() {
            assertThat(met(new Tolerance.Regex("\\d", null), "42")).isFalse();
            assertThat(met(new Tolerance.Regex("\\d", "body"), "{\"status\": 200, \"body\": {\"n\": 4}}")).isFalse();
        }
    }

    @Nested
    class JsonPathTolerance {
        private final String output = "{\"status\": 200, \"body\": {\"items\": [{\"up\": true, \"n\": 1},"
                + " {\"up\": false, \"n\": 2}]}}";

        @Test
        void shouldPassWithAtLeastOneMatch() {
            assertThat(met(new Tolerance.JsonPath("$.items[?(@.up == true)]", "body", null, null), output)).isTrue();
        }

        @Test
        void shouldFailWithoutAMatch() {
            assertThat(met(new Tolerance.JsonPath("$.items[?(@.n > 5)]", "body", null, null), output)).isFalse();
            assertThat(met(new Tolerance.JsonPath("$.missing", "body", null, null), output)).isFalse();
        }

        @Test
        void shouldRequireTheExactCount() {
            assertThat(met(new Tolerance.JsonPath("$.items[*]", "body", null, 2), output)).isTrue();
            assertThat(met(new Tolerance.JsonPath("$.items[*]", "body", null, 3), output)).isFalse();
        }

        @Test
        void shouldCompareASingleExpectedValue() {
            assertThat(met(new Tolerance.JsonPath("$.items[0].n", "body", json("1.0"), null), output)).isTrue();
            assertThat(met(new Tolerance.JsonPath("$.items[0].n", "body", json("2"), null), output)).isFalse();
        }

        @Test
        void shouldCompareAnExpectedListWithAllMatches() {
            assertThat(met(new Tolerance.JsonPath("$.items[*].up", "body", json("[true, false]"), null), output))
                    .isTrue();
            assertThat(met(new Tolerance.JsonPath("$.items[*].up", "body", json("[true]"), null), output)).isFalse();
        }

        @Test
        void shouldExpectNullAsOneNullMatch() {
            assertThat(met(new Tolerance.JsonPath("$.a", null, json("null"), null), "{\"a\": null}")).isTrue();
            assertThat(met(new Tolerance.JsonPath("$.a", null, json("null"), null), "{\"a\": 0}")).isFalse();
        }

        @Test
        void shouldSearchAStringThatIsNotJsonAsItIs() {
            assertThat(met(new Tolerance.JsonPath("$", null, json("\"plain text\""), null), "\"plain text\""))
                    .isTrue();
        }

        @Test
        void shouldNotBeMetByAnInvalidPath() {
            assertThat(met(new Tolerance.JsonPath("$[?(@.a ==", null, null, null), "{\"a\": 1}")).isFalse();
        }

        @Test
        void shouldDecodeAStringValueAsJson() {
            String processOutput = "{\"status\": 0, \"stdout\": \"{\\\"ready\\\": true}\", \"stderr\": \"\"}";

            assertThat(met(new Tolerance.JsonPath("$.ready", "stdout", json("true"), null), processOutput)).isTrue();
        }

        @Test
        void shouldSubstituteThePathAndTheExpectedValue() {
            Substitution values = Substitutions.of(Map.of("field", TextNode.valueOf("n"),
                    "expected", IntNode.valueOf(2)));

            assertThat(check.isMet(new Tolerance.JsonPath("$.items[1].${field}", "body", json("\"${expected}\""),
                    null), json(output), values, new Cancellation())).isTrue();
        }
    }

    @Nested
    class ProbeTolerance {
        @Test
        void shouldCallTheProbeWithTheValueAndPassWhenItAnswers() throws Exception {
            try (LocalHttpServer server = new LocalHttpServer(LocalHttpServer.answer(200, "text/plain", "ok"))) {
                HttpProvider provider = new HttpProvider(TextNode.valueOf(server.url("/check")), "POST",
                        json("{\"Content-Type\": \"application/json\"}"), json("{\"kind\": \"latency\"}"), null,
                        true, 0, List.of());
                Tolerance.Probe tolerance = probe(provider);

                boolean met = check.isMet(tolerance, json("{\"status\": 200, \"body\": \"x\"}"),
                        NONE, new Cancellation());

                assertThat(met).isTrue();
                assertThat(server.last().body())
                        .isEqualTo("{\"kind\": \"latency\", \"value\": {\"status\": 200, \"body\": \"x\"}}");
                assertThat(provider.arguments()).isEqualTo(json("{\"kind\": \"latency\"}"));
            }
        }

        @Test
        void shouldFailWhenTheProbeCannotBeCalled() throws Exception {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            HttpProvider provider = new HttpProvider(TextNode.valueOf("http://127.0.0.1:" + port + "/"), "GET",
                    null, null, null, true, 0, List.of());

            assertThat(check.isMet(probe(provider), json("1"), NONE, new Cancellation()))
                    .isFalse();
        }

        @Test
        void shouldPassTheValueToAProcessAsNameAndValueArguments(@TempDir Path dir) throws Exception {
            Path seen = dir.resolve("seen");
            ProcessProvider provider = new ProcessProvider("sh",
                    json("{\"-c\": \"echo \\\"$0 $1\\\" > " + seen + "; exit 1\"}"), null, null, List.of());

            boolean met = check.isMet(probe(provider), json("42"), NONE, new Cancellation());

            assertThat(Files.readString(seen)).isEqualTo("value 42\n");
            // the output is an object with a status, so Python's bool() is true whatever the exit code
            assertThat(met).isTrue();
        }

        private Tolerance.Probe probe(Provider provider) {
            return new Tolerance.Probe(new Activity(ActivityType.PROBE, "check", provider, null, false,
                    Pauses.NONE, JSON.createObjectNode()));
        }
    }
}
