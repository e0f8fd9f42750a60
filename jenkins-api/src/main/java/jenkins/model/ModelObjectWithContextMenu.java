package jenkins.model;

public interface ModelObjectWithContextMenu extends hudson.model.ModelObject {
}
