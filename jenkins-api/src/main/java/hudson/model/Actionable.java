package hudson.model;

public abstract class Actionable extends hudson.model.AbstractModelObject implements jenkins.model.ModelObjectWithContextMenu {

    public Actionable() {
        throw new UnsupportedOperationException();
    }

    public void addAction(hudson.model.Action a) {
        throw new UnsupportedOperationException();
    }

    public boolean addOrReplaceAction(hudson.model.Action a) {
        throw new UnsupportedOperationException();
    }

    public <T extends hudson.model.Action> T getAction(Class<T> type) {
        throw new UnsupportedOperationException();
    }

    public <T extends hudson.model.Action> java.util.List<T> getActions(Class<T> type) {
        throw new UnsupportedOperationException();
    }
}
