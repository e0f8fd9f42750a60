package jenkins.triggers;

public interface TriggeredItem extends hudson.model.Item {
}
