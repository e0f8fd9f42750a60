package com.cloudbees.plugins.credentials.common;

public interface IdCredentials extends com.cloudbees.plugins.credentials.Credentials {
}
