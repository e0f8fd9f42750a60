package io.jenkins.plugins.reliably.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import io.reliably.engine.configuration.Vars;
import io.reliably.engine.secret.SecretResolutionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BoundSecretsTest {

    static final String CANARY = "canary-5f1d2c-never-shown";

    /** A binding as the step's form or Pipeline gives it. */
    record Binding(String getGroup, String getKey, String getCredentialsId, String getPart) implements SecretBindingSpec {
    }

    /** A credentials store of two credentials, recording what was asked. */
    static final class Store implements CredentialValues {
        final List<String> asked = new ArrayList<>();

        @Override
        public String value(String credentialsId, String part) {
            asked.add(credentialsId + "/" + part);
            return switch (credentialsId) {
                case "api-token" -> CANARY;
                case "db" -> "username".equals(part) ? "admin" : "db-" + CANARY;
                default -> throw new SecretResolutionException("no credential '" + credentialsId + "' that this build may use");
            };
        }
    }

    @Test
    void shouldResolveEachBindingToItsCredentialsValue() {
        Store store = new Store();
        BoundSecrets secrets = BoundSecrets.resolve(List.of(
                new Binding("api", "token", "api-token", null),
                new Binding("db", "user", "db", "username"),
                new Binding("db", "password", "db", "")), store);

        assertThat(store.asked).containsExactly("api-token/null", "db/username", "db/null");
        assertThat(secrets.resolve("api", "token", JsonNodeFactory.instance.objectNode())).contains(CANARY);
        assertThat(secrets.resolve("db", "user", JsonNodeFactory.instance.objectNode())).contains("admin");
        assertThat(secrets.resolve("db", "other", JsonNodeFactory.instance.objectNode())).isEmpty();
        assertThat(secrets.values()).containsExactly(CANARY, "admin", "db-" + CANARY);
    }

    @Test
    void shouldOverrideTheExperimentsSecretsAndKeepOtherVars() {
        BoundSecrets secrets = BoundSecrets.resolve(List.of(new Binding("api", "token", "api-token", null)), new Store());
        Vars vars = new Vars(Map.of("url", TextNode.valueOf("http://x")),
                Map.of("api", Map.of("token", TextNode.valueOf("from-file"), "user", TextNode.valueOf("bob"))),
                Map.of("HOME", "/home"));

        Vars merged = secrets.over(vars);

        assertThat(merged.secrets().get("api").get("token").textValue()).isEqualTo(CANARY);
        assertThat(merged.secrets().get("api").get("user").textValue()).isEqualTo("bob");
        assertThat(merged.configuration()).isEqualTo(vars.configuration());
        assertThat(merged.environment()).isEqualTo(vars.environment());
    }

    @Test
    void shouldNameTheBindingAndCredentialWhenOneIsMissingNeverAValue() {
        assertThatThrownBy(() -> BoundSecrets.resolve(List.of(new Binding("api", "token", "api-token", null),
                new Binding("k8s", "token", "gone", null)), new Store()))
                .isInstanceOf(SecretResolutionException.class)
                .hasMessage("secret k8s.token: no credential 'gone' that this build may use")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(CANARY));
    }

    @Test
    void shouldListEveryProblemWithTheBindingsThemselves() {
        assertThat(BoundSecrets.problems(List.of(
                new Binding("", "token", "id", null),
                new Binding("api", null, " ", "secret"),
                new Binding("db", "password", "a", null),
                new Binding("db", "password", "b", null)))).containsExactly(
                "secrets[0].group: expected the secret group's name",
                "secrets[1].key: expected the key inside the group",
                "secrets[1].credentialsId: expected a credential id",
                "secrets[1].part: expected username or password, got 'secret'",
                "secrets[3]: db.password is bound twice");
    }

    @Test
    void shouldNeverShowAValueWhenPrinted() {
        BoundSecrets secrets = BoundSecrets.resolve(List.of(new Binding("api", "token", "api-token", null)), new Store());

        assertThat(secrets.toString()).isEqualTo("BoundSecrets[api.token]").doesNotContain(CANARY);
    }
}
