package com.cloudbees.plugins.credentials.common;

public interface StandardCredentials extends com.cloudbees.plugins.credentials.common.IdCredentials {
}
