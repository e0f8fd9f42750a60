package org.jenkinsci.remoting;

public interface SerializableOnlyOverRemoting extends java.io.Serializable {
}
