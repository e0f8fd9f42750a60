package hudson;

public abstract class Launcher {

    protected Launcher(hudson.model.TaskListener listener, hudson.remoting.VirtualChannel channel) {
        throw new UnsupportedOperationException();
    }

    public hudson.remoting.VirtualChannel getChannel() {
        throw new UnsupportedOperationException();
    }
}
