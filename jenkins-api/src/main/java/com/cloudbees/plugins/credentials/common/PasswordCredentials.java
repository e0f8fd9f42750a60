package com.cloudbees.plugins.credentials.common;

public interface PasswordCredentials extends com.cloudbees.plugins.credentials.Credentials {

    hudson.util.Secret getPassword();
}
