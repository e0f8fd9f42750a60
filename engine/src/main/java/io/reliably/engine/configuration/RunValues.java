package io.reliably.engine.configuration;

import com.fasterxml.jackson.databind.JsonNode;
import io.reliably.engine.secret.SecretMasker;
import java.util.Map;

/**
 * The configuration and secrets of one run, resolved (environment read, overrides applied, secret
 * resolvers asked), with what follows from them.
 *
 * @param configuration configuration keys to values
 * @param secrets secret groups, each of keys to values
 * @param substitution {@code ${name}} substitution over both
 * @param masker hides every resolved secret value
 */
public record RunValues(
        Map<String, JsonNode> configuration,
        Map<String, Map<String, JsonNode>> secrets,
        Substitution substitution,
        SecretMasker masker) {
}
