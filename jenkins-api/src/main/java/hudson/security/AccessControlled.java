package hudson.security;

public interface AccessControlled {
}
