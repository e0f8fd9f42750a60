package hudson.security;

public abstract class ACL {

    public static final org.springframework.security.core.Authentication SYSTEM2 = null;

    public ACL() {
        throw new UnsupportedOperationException();
    }
}
