package io.jenkins.plugins.reliably.core;

/**
 * One entry of {@code secrets}: the Chaos Toolkit secret {@code group.key} takes the value of a
 * Jenkins credential. {@code part} picks which value of a username/password credential: the
 * password unless it says {@code username}.
 */
public interface SecretBindingSpec {

    String getGroup();

    String getKey();

    String getCredentialsId();

    /** {@code username}, {@code password}, or blank for the credential's secret. */
    String getPart();
}
