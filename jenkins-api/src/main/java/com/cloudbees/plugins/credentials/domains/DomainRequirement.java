package com.cloudbees.plugins.credentials.domains;

public class DomainRequirement implements hudson.ExtensionPoint, java.io.Serializable {

    private static final long serialVersionUID = 1L;

    public DomainRequirement() {
        throw new UnsupportedOperationException();
    }
}
