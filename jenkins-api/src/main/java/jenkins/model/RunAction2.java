package jenkins.model;

public interface RunAction2 extends hudson.model.Action {

    void onAttached(hudson.model.Run<?, ?> r);

    void onLoad(hudson.model.Run<?, ?> r);
}
