package jenkins.model.lazy;

public abstract class LazyBuildMixIn {

    protected LazyBuildMixIn() {
        throw new UnsupportedOperationException();
    }

    public static interface LazyLoadingJob {
    }
}
