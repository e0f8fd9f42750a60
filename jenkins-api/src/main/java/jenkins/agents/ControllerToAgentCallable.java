package jenkins.agents;

public interface ControllerToAgentCallable<V, T extends Throwable> extends hudson.remoting.Callable<V, T> {
}
