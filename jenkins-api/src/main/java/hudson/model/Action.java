package hudson.model;

public interface Action extends hudson.model.ModelObject {

    String getIconFileName();

    String getDisplayName();

    String getUrlName();
}
