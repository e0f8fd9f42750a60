package hudson.model;

public abstract class AbstractModelObject implements hudson.search.SearchableModelObject {

    public AbstractModelObject() {
        throw new UnsupportedOperationException();
    }
}
