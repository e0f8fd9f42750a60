package hudson.model;

public interface BuildListener extends hudson.model.TaskListener {
}
