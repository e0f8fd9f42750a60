package com.cloudbees.plugins.credentials.common;

public class StandardListBoxModel extends com.cloudbees.plugins.credentials.common.AbstractIdCredentialsListBoxModel<StandardListBoxModel, com.cloudbees.plugins.credentials.common.StandardCredentials> {

    public StandardListBoxModel() {
        throw new UnsupportedOperationException();
    }
}
