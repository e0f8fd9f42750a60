package hudson.model;

public interface BuildableItem extends hudson.model.Item, hudson.model.Queue.Task {
}
