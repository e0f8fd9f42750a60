package org.jenkinsci.plugins.plaincredentials;

public interface FileCredentials extends com.cloudbees.plugins.credentials.common.StandardCredentials {

    java.io.InputStream getContent() throws java.io.IOException;
}
