package hudson.util;

public abstract class FormValidation extends java.io.IOException implements org.kohsuke.stapler.HttpResponse {

    private FormValidation() {
        throw new UnsupportedOperationException();
    }

    public static FormValidation ok() {
        throw new UnsupportedOperationException();
    }

    public static FormValidation error(String message) {
        throw new UnsupportedOperationException();
    }
}
