package hudson.model;

public class Queue extends hudson.model.ResourceController implements hudson.model.Saveable {

    public Queue(hudson.model.LoadBalancer loadBalancer) {
        throw new UnsupportedOperationException();
    }

    public static interface Task extends hudson.model.ModelObject, hudson.model.queue.SubTask {
    }
}
