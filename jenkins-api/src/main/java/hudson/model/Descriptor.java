package hudson.model;

public abstract class Descriptor<T extends Describable<T>> implements jenkins.model.Loadable, hudson.model.Saveable, jenkins.util.io.OnMaster {

    protected Descriptor() {
        throw new UnsupportedOperationException();
    }

    protected Descriptor(Class<? extends T> clazz) {
        throw new UnsupportedOperationException();
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }
}
