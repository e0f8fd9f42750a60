package com.cloudbees.plugins.credentials.common;

public interface StandardUsernameCredentials extends com.cloudbees.plugins.credentials.common.StandardCredentials, com.cloudbees.plugins.credentials.common.UsernameCredentials {
}
