package hudson.model.queue;

public interface SubTask extends hudson.model.ResourceActivity, jenkins.model.queue.ITask {
}
