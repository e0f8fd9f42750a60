package com.cloudbees.plugins.credentials.common;

public interface UsernameCredentials extends com.cloudbees.plugins.credentials.Credentials {

    String getUsername();
}
