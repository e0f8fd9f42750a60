package io.reliably.engine.sli;

import java.util.Map;
import java.util.Optional;

/**
 * Stands in for the Kubernetes secret an Iter8 metric names in {@code secret: [namespace/]name}: the
 * command line reads a file, the Jenkins plugin reads credentials. The values are secrets: they go
 * only where a definition puts them and are masked everywhere else.
 */
@FunctionalInterface
public interface SecretStore {

    /**
     * @param reference the metric's {@code secret} as written, e.g. {@code myns/promcredentials}
     * @return the secret's keys and values, or empty when there is no such secret
     */
    Optional<Map<String, String>> secret(String reference);

    /** Where secrets come from, for messages, e.g. {@code secret file creds.yaml}. Never a secret. */
    default String description() {
        return "the secrets given";
    }

    /** No secrets at all. */
    SecretStore NONE = reference -> Optional.empty();

    /** One secret answering every reference, like a single {@code --secret-file}. */
    static SecretStore of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return reference -> Optional.of(copy);
    }
}
