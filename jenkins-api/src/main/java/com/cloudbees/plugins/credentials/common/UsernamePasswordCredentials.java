package com.cloudbees.plugins.credentials.common;

public interface UsernamePasswordCredentials extends com.cloudbees.plugins.credentials.common.UsernameCredentials, com.cloudbees.plugins.credentials.common.PasswordCredentials {
}
