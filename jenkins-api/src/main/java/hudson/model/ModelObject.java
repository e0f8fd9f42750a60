package hudson.model;

public interface ModelObject {
}
