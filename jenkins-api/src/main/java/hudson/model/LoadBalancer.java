package hudson.model;

public abstract class LoadBalancer implements hudson.ExtensionPoint {

    public LoadBalancer() {
        throw new UnsupportedOperationException();
    }
}
