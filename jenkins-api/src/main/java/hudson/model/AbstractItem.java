package hudson.model;

public abstract class AbstractItem extends hudson.model.Actionable implements jenkins.model.Loadable, hudson.model.Item, org.kohsuke.stapler.HttpDeletable, hudson.security.AccessControlled, hudson.model.DescriptorByNameOwner, org.kohsuke.stapler.StaplerProxy {

    protected AbstractItem(hudson.model.ItemGroup parent, String name) {
        throw new UnsupportedOperationException();
    }

    public final String getFullName() {
        throw new UnsupportedOperationException();
    }
}
