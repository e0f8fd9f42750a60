package hudson.model;

public interface TaskListener extends org.jenkinsci.remoting.SerializableOnlyOverRemoting {

    java.io.PrintStream getLogger();
}
