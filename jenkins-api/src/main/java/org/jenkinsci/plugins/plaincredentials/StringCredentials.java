package org.jenkinsci.plugins.plaincredentials;

public interface StringCredentials extends com.cloudbees.plugins.credentials.common.StandardCredentials {

    hudson.util.Secret getSecret();
}
