package com.cloudbees.plugins.credentials;

public abstract class CredentialsProvider extends hudson.model.Descriptor<CredentialsProvider> implements hudson.ExtensionPoint, hudson.model.Describable<CredentialsProvider>, org.jenkins.ui.icon.IconSpec {

    public static final hudson.security.Permission USE_ITEM = null;

    public CredentialsProvider() {
        throw new UnsupportedOperationException();
    }

    public static <C extends com.cloudbees.plugins.credentials.common.IdCredentials> C findCredentialById(String id,
            Class<C> type, hudson.model.Run<?, ?> run) {
        throw new UnsupportedOperationException();
    }

    public static <C extends com.cloudbees.plugins.credentials.Credentials> C track(hudson.model.Run build, C credentials) {
        throw new UnsupportedOperationException();
    }
}
