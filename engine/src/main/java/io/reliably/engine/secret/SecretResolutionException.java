package io.reliably.engine.secret;

/** A secret that was declared but could not be resolved. The message never holds a secret value. */
public class SecretResolutionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SecretResolutionException(String message) {
        super(message);
    }
}
