package jenkins.model;

public interface ModelObjectWithChildren extends hudson.model.ModelObject {
}
