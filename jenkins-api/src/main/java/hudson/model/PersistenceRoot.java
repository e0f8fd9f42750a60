package hudson.model;

public interface PersistenceRoot extends hudson.model.Saveable {
}
