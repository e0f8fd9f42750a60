package io.reliably.engine.secret;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Resolves a secret declaration the engine cannot resolve itself, such as {@code {"type": "vault"}}
 * or a Jenkins credential. The plugin implements it over Jenkins credentials.
 */
public interface SecretResolver {

    /**
     * @param group the secret group's name
     * @param key the key inside the group
     * @param declaration the declaration as written (an object with a {@code type})
     * @return the secret's value, or empty when this resolver does not handle that declaration
     * @throws SecretResolutionException when it handles it but cannot resolve it
     */
    Optional<String> resolve(String group, String key, ObjectNode declaration);

    /** A resolver that handles nothing. */
    SecretResolver NONE = (group, key, declaration) -> Optional.empty();
}
