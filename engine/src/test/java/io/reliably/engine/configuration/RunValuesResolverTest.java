package io.reliably.engine.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.reliably.engine.experiment.Experiment;
import io.reliably.engine.loader.ExperimentLoader;
import io.reliably.engine.loader.InvalidExperimentException;
import io.reliably.engine.loader.Problem;
import io.reliably.engine.secret.SecretResolutionException;
import io.reliably.engine.secret.SecretResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunValuesResolverTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Experiment experiment(String configurationAndSecrets) throws InvalidExperimentException {
        return new ExperimentLoader().parse("e.json", "{\"title\": \"t\", \"description\": \"d\", \"method\": []"
                + (configurationAndSecrets.isEmpty() ? "" : ", " + configurationAndSecrets) + "}");
    }

    private static RunValues resolve(Map<String, String> env, String declarations) throws Exception {
        return new RunValuesResolver(env, SecretResolver.NONE).resolve(experiment(declarations), Map.of());
    }

    /** Expected values are what chaoslib's convert_to_type gives for the same text. */
    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            int     | ` 12 `     | 12
            integer | 1_000      | 1000
            int     | +5         | 5
            float   | 1e3        | 1000.0
            number  | .5         | 0.5
            float   | ` 2.50 `   | 2.5
            str     | 007        | "007"
            string  | x          | "x"
            bytes   | abc        | "abc"
            bool    | No         | false
            bool    | FALSE      | false
            bool    | 0          | false
            bool    | yes        | true
            bool    | ``         | true
            bool    | off        | true
            json    | {"a": [1]} | {"a": [1]}
            json    | 3          | 3
            json    | ``         | ""
            """)
    void shouldConvertEnvironmentVariablesAsChaosToolkit(String type, String text, String expected) throws Exception {
        RunValues values = resolve(Map.of("VALUE", text),
                "\"configuration\": {\"v\": {\"type\": \"env\", \"key\": \"VALUE\", \"env_var_type\": \"" + type + "\"}}");

        assertThat(values.configuration().get("v")).isEqualTo(JSON.readTree(expected));
    }

    @Test
    void shouldKeepTheDefaultWithItsTypeWhenTheVariableIsNotSet() throws Exception {
        RunValues values = resolve(Map.of(), """
                "configuration": {"port": {"type": "env", "key": "PORT", "default": 8080},
                                  "ratio": {"type": "env", "key": "RATIO", "default": "0.25", "env_var_type": "float"},
                                  "host": "localhost"}""");

        assertThat(values.configuration()).containsEntry("port", JsonNodeFactory.instance.numberNode(8080))
                .containsEntry("ratio", JsonNodeFactory.instance.numberNode(0.25))
                .containsEntry("host", JsonNodeFactory.instance.textNode("localhost"));
    }

    @Test
    void shouldNameTheConfigurationKeyWhenTheVariableIsMissingOrWrong() {
        InvalidExperimentException invalid = catchThrowableOfType(InvalidExperimentException.class,
                () -> new RunValuesResolver(Map.of("PORT", "eighty"), SecretResolver.NONE).forFile("e.json")
                        .resolve(experiment("""
                                "configuration": {"host": {"type": "env", "key": "API_HOST"},
                                  "port": {"type": "env", "key": "PORT", "env_var_type": "int"}}"""), Map.of()));

        assertThat(invalid.problems()).extracting(Problem::toString).containsExactly(
                "e.json: configuration.host: the environment variable API_HOST is not set and the declaration has"
                        + " no \"default\"",
                "e.json: configuration.port: cannot convert the environment variable PORT to int: expected an"
                        + " integer, found a text that is not one");
        assertThat(invalid.getMessage()).doesNotContain("eighty");
    }

    @Test
    void shouldLetOverridesReplaceAndAddConfigurationKeys() throws Exception {
        Experiment experiment = experiment("\"configuration\": {\"host\": \"a\", \"port\": {\"type\": \"env\","
                + " \"key\": \"NOT_SET\"}}");

        RunValues values = new RunValuesResolver(Map.of(), SecretResolver.NONE).resolve(experiment,
                Map.of("port", JsonNodeFactory.instance.textNode("9090"), "extra", JsonNodeFactory.instance.numberNode(1)));

        assertThat(values.configuration()).containsEntry("host", JsonNodeFactory.instance.textNode("a"))
                .containsEntry("port", JsonNodeFactory.instance.textNode("9090"))
                .containsEntry("extra", JsonNodeFactory.instance.numberNode(1));
    }

    @Test
    void shouldResolveAnOverrideThatIsItselfAnEnvironmentDeclaration() throws Exception {
        Experiment experiment = experiment("\"configuration\": {\"host\": \"a\"}");

        RunValues values = new RunValuesResolver(Map.of("HOST", "b"), SecretResolver.NONE).resolve(experiment,
                Map.of("host", JSON.readTree("{\"type\": \"env\", \"key\": \"HOST\"}")));

        assertThat(values.configuration().get("host").asText()).isEqualTo("b");
    }

    @Test
    void shouldResolveSecretsInlineAndFromTheEnvironmentAndMaskThemAll() throws Exception {
        RunValues values = resolve(Map.of("API_TOKEN", "tok-123456"), """
                "secrets": {"api": {"token": {"type": "env", "key": "API_TOKEN"}, "user": "robot-user"},
                            "db": {"nested": {"password": "pa55word", "port": 54321}}}""");

        assertThat(values.secrets().get("api")).containsEntry("token", JsonNodeFactory.instance.textNode("tok-123456"))
                .containsEntry("user", JsonNodeFactory.instance.textNode("robot-user"));
        assertThat(values.secrets().get("db").get("nested").get("password").asText()).isEqualTo("pa55word");
        assertThat(values.masker().mask("Authorization: tok-123456 for robot-user, pa55word on 54321"))
                .isEqualTo("Authorization: *** for ***, *** on ***");
        assertThat(values.substitution().apply("Bearer ${token}")).isEqualTo("Bearer tok-123456");
    }

    @Test
    void shouldRefuseAMissingSecretVariableWithoutQuotingAnySecret() {
        InvalidExperimentException invalid = catchThrowableOfType(InvalidExperimentException.class,
                () -> resolve(Map.of(), """
                        "secrets": {"api": {"token": {"type": "env", "key": "API_TOKEN"}, "user": "robot-user"}}"""));

        assertThat(invalid.problems()).extracting(Problem::toString).containsExactly(
                "experiment: secrets.api.token: the environment variable API_TOKEN is not set");
        assertThat(invalid.getMessage()).doesNotContain("robot-user");
    }

    @Test
    void shouldRefuseVaultSecretsNoResolverHandles() {
        InvalidExperimentException invalid = catchThrowableOfType(InvalidExperimentException.class,
                () -> resolve(Map.of(), "\"secrets\": {\"k8s\": {\"token\": {\"type\": \"vault\", \"path\": \"foo/bar\"}}}"));

        assertThat(invalid.problems()).extracting(Problem::toString).containsExactly(
                "experiment: secrets.k8s.token: vault secrets are not supported; bind the secret to a Jenkins"
                        + " credential or an environment variable ({\"type\": \"env\", \"key\": \"NAME\"})");
    }

    @Test
    void shouldAskTheResolverForDeclarationsItHandlesAndMaskWhatItGives() throws Exception {
        List<String> asked = new ArrayList<>();
        SecretResolver credentials = (group, key, declaration) -> {
            asked.add(group + "." + key + ":" + declaration.get("type").asText());
            return declaration.get("type").asText().equals("vault") ? Optional.of("from-vault-42")
                    : Optional.empty();
        };

        RunValues values = new RunValuesResolver(Map.of(), credentials).resolve(experiment("""
                "secrets": {"k8s": {"token": {"type": "vault", "path": "foo/bar"},
                                    "shape": {"type": "custom", "size": 2}}}"""), Map.of());

        assertThat(asked).containsExactly("k8s.token:vault", "k8s.shape:custom");
        assertThat(values.secrets().get("k8s").get("token").asText()).isEqualTo("from-vault-42");
        assertThat(values.secrets().get("k8s").get("shape")).isEqualTo(JSON.readTree("{\"type\": \"custom\", \"size\": 2}"));
        assertThat(values.masker().mask("x from-vault-42 y")).isEqualTo("x *** y");
    }

    @Test
    void shouldReportAResolverFailureWithItsMessage() {
        SecretResolver failing = (group, key, declaration) -> {
            throw new SecretResolutionException("no Jenkins credential with ID 'k8s-token'");
        };

        InvalidExperimentException invalid = catchThrowableOfType(InvalidExperimentException.class,
                () -> new RunValuesResolver(Map.of(), failing).resolve(experiment(
                        "\"secrets\": {\"k8s\": {\"token\": {\"type\": \"jenkins\", \"id\": \"k8s-token\"}}}"), Map.of()));

        assertThat(invalid.getMessage()).isEqualTo(
                "experiment: secrets.k8s.token: no Jenkins credential with ID 'k8s-token'");
    }

    @Test
    void shouldApplyVarFileSecretsAndDotEnvVariables() throws Exception {
        Experiment experiment = experiment("""
                "configuration": {"host": {"type": "env", "key": "HOST"}},
                "secrets": {"api": {"token": {"type": "env", "key": "NOT_SET"}}}""");
        Vars vars = new Vars(Map.of(), Map.of("api", Map.of("token", JsonNodeFactory.instance.textNode("from-file-1"))),
                Map.of("HOST", "from-dotenv"));

        RunValues values = new RunValuesResolver(Map.of("HOST", "from-env"), SecretResolver.NONE).resolve(experiment, vars);

        assertThat(values.configuration().get("host").asText()).isEqualTo("from-dotenv");
        assertThat(values.secrets().get("api").get("token").asText()).isEqualTo("from-file-1");
        assertThat(values.masker().mask("from-file-1")).isEqualTo("***");
    }

    @Test
    void shouldLookUpConfigurationBeforeSecretsAndGroupsInOrder() throws Exception {
        RunValues values = resolve(Map.of(), """
                "configuration": {"name": "config"},
                "secrets": {"a": {"name": "secret-a", "only": "first"}, "b": {"only": "second", "other": "b"}}""");

        JsonNode result = values.substitution().apply(JSON.readTree("[\"${name}\", \"${only}\", \"${other}\"]"));

        assertThat(result).isEqualTo(JSON.readTree("[\"config\", \"first\", \"b\"]"));
    }

    @Test
    void shouldWarnAndLeaveOutDynamicConfigurationWhenNothingCanRunIt() throws Exception {
        RunValuesResolver resolver = new RunValuesResolver(Map.of(), SecretResolver.NONE);

        RunValues values = resolver.resolve(experiment("""
                "configuration": {"token": {"type": "probe", "name": "get-token",
                  "provider": {"type": "http", "url": "http://127.0.0.1:1/token"}}, "kept": 1}"""), Map.of());

        assertThat(values.configuration()).containsOnlyKeys("kept");
        assertThat(resolver.warnings()).singleElement().asString().contains("configuration.token", "get-token");
    }
}
