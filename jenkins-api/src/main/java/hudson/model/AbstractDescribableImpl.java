package hudson.model;

public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>> implements hudson.model.Describable<T> {

    public AbstractDescribableImpl() {
        throw new UnsupportedOperationException();
    }
}
