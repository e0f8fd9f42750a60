package jenkins.model.queue;

public interface ITask extends hudson.model.ModelObject {
}
