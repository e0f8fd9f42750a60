package com.cloudbees.plugins.credentials;

public interface Credentials extends hudson.model.Describable<Credentials>, java.io.Serializable, hudson.ExtensionPoint {
}
