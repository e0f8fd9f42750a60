package jenkins.security;

public abstract class MasterToSlaveCallable<V, T extends Throwable> implements jenkins.agents.ControllerToAgentCallable<V, T> {

    public MasterToSlaveCallable() {
        throw new UnsupportedOperationException();
    }
}
