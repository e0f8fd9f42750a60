package hudson.remoting;

public interface Callable<V, T extends Throwable> extends java.io.Serializable, org.jenkinsci.remoting.RoleSensitive {

    V call() throws T;
}
