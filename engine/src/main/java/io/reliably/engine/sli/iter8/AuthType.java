package io.reliably.engine.sli.iter8;

/** Iter8's {@code authType}: how a metric's request authenticates. */
public enum AuthType {
    /** HTTP basic auth from the secret's {@code username} and {@code password} keys. */
    Basic,
    /** A bearer token, written by the definition in a header template. */
    Bearer,
    /** An API key, written by the definition in a header template. */
    APIKey
}
