package com.cloudbees.plugins.credentials.common;

public abstract class AbstractIdCredentialsListBoxModel<T extends AbstractIdCredentialsListBoxModel<T, C>,
        C extends com.cloudbees.plugins.credentials.common.IdCredentials> extends hudson.util.ListBoxModel {

    public AbstractIdCredentialsListBoxModel() {
        throw new UnsupportedOperationException();
    }

    public T includeEmptyValue() {
        throw new UnsupportedOperationException();
    }

    public T includeCurrentValue(String value) {
        throw new UnsupportedOperationException();
    }

    public T includeMatchingAs(org.springframework.security.core.Authentication authentication, hudson.model.Item context,
            Class<? extends C> type, java.util.List<com.cloudbees.plugins.credentials.domains.DomainRequirement> domainRequirements,
            com.cloudbees.plugins.credentials.CredentialsMatcher matcher) {
        throw new UnsupportedOperationException();
    }
}
