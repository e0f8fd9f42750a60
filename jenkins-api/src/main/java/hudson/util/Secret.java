package hudson.util;

public final class Secret implements java.io.Serializable {

    private Secret() {
        throw new UnsupportedOperationException();
    }

    public String getPlainText() {
        throw new UnsupportedOperationException();
    }
}
