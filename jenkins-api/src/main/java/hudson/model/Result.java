package hudson.model;

public final class Result implements java.io.Serializable, org.kohsuke.stapler.export.CustomExportedBean {

    public static final Result SUCCESS = null;
    public static final Result UNSTABLE = null;
    public static final Result FAILURE = null;
    public static final Result ABORTED = null;

    private Result() {
        throw new UnsupportedOperationException();
    }

    public boolean isWorseThan(Result that) {
        throw new UnsupportedOperationException();
    }
}
