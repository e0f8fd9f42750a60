package io.jenkins.plugins.reliably.core;

import io.reliably.engine.secret.SecretResolutionException;

/** Reads a credential's secret value; the plugin implements it over Jenkins' credentials store. */
@FunctionalInterface
public interface CredentialValues {

    /**
     * @param credentialsId the credential's id
     * @param part {@code username}, {@code password} or {@code null}
     * @return the value
     * @throws SecretResolutionException when there is no such credential, it is of a kind that has no
     *     such part, or the build may not use it; the message names the id, never a value
     */
    String value(String credentialsId, String part);
}
