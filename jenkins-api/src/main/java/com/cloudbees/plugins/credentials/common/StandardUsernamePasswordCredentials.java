package com.cloudbees.plugins.credentials.common;

public interface StandardUsernamePasswordCredentials extends com.cloudbees.plugins.credentials.common.StandardUsernameCredentials, com.cloudbees.plugins.credentials.common.UsernamePasswordCredentials {
}
