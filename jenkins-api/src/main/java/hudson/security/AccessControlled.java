package hudson.security;

public interface AccessControlled {

    default void checkPermission(hudson.security.Permission permission) {
        throw new UnsupportedOperationException();
    }

    default boolean hasPermission(hudson.security.Permission permission) {
        throw new UnsupportedOperationException();
    }
}
