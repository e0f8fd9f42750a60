package hudson.remoting;

public interface VirtualChannel {

    <V, T extends Throwable> V call(hudson.remoting.Callable<V, T> callable) throws java.io.IOException, T, InterruptedException;

    <T> T export(Class<T> type, T instance);
}
