package io.jenkins.plugins.reliably;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Run;
import io.jenkins.plugins.reliably.core.CredentialValues;
import io.reliably.engine.secret.SecretResolutionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Credential values for one build, looked up as credentials-binding does: with the build's
 * authentication and folder scope ({@code findCredentialById}), and recorded as used by the build
 * ({@code track}).
 */
final class JenkinsCredentialValues implements CredentialValues {

    private final Run<?, ?> run;

    JenkinsCredentialValues(Run<?, ?> run) {
        this.run = run;
    }

    /**
     * A credential as the keys of a secret, for SLI providers: {@code username} and {@code password}
     * of a username/password credential; {@code token} (and {@code DT_API_TOKEN}, Dynatrace's name)
     * of secret text; {@code content} of a secret file.
     */
    java.util.Map<String, String> secretKeys(String credentialsId) {
        StandardCredentials credentials = find(credentialsId);
        if (credentials instanceof StandardUsernamePasswordCredentials userPass) {
            return java.util.Map.of("username", userPass.getUsername(), "password", userPass.getPassword().getPlainText());
        }
        String value = value(credentialsId, null);
        if (credentials instanceof StringCredentials) {
            return java.util.Map.of("token", value, "DT_API_TOKEN", value);
        }
        return java.util.Map.of("content", value);
    }

    private StandardCredentials find(String credentialsId) {
        StandardCredentials credentials = CredentialsProvider.findCredentialById(credentialsId, StandardCredentials.class, run);
        if (credentials == null) {
            throw new SecretResolutionException("no credential '" + credentialsId + "' that this build may use");
        }
        CredentialsProvider.track(run, credentials);
        return credentials;
    }

    @Override
    public String value(String credentialsId, String part) {
        StandardCredentials credentials = find(credentialsId);
        if (credentials instanceof StandardUsernamePasswordCredentials userPass) {
            return "username".equals(part) ? userPass.getUsername() : userPass.getPassword().getPlainText();
        }
        if (part != null) {
            throw new SecretResolutionException("credential '" + credentialsId + "' has no " + part
                    + ": only a username/password credential has parts");
        }
        if (credentials instanceof StringCredentials text) {
            return text.getSecret().getPlainText();
        }
        if (credentials instanceof FileCredentials file) {
            try (InputStream in = file.getContent()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new SecretResolutionException("cannot read secret file credential '" + credentialsId + "'");
            }
        }
        throw new SecretResolutionException("credential '" + credentialsId
                + "' is not secret text, username with password, or a secret file");
    }
}
