package io.jenkins.plugins.reliably;

import hudson.Extension;
import org.kohsuke.stapler.verb.POST;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.AncestorInPath;
import hudson.util.ListBoxModel;
import hudson.model.Item;
import hudson.model.Describable;
import hudson.model.Descriptor;
import io.jenkins.plugins.reliably.core.SecretBindingSpec;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * One entry of {@code reliablyRun}'s {@code secrets}: the experiment's secret {@code group.key}
 * takes the value of a Jenkins credential (secret text, username/password, secret file). A plain
 * class: Jenkins persists freestyle configurations.
 */
public class SecretBinding implements Describable<SecretBinding>, SecretBindingSpec {

    private final String group;
    private final String key;
    private final String credentialsId;
    private String part;

    @DataBoundConstructor
    public SecretBinding(String group, String key, String credentialsId) {
        this.group = group;
        this.key = key;
        this.credentialsId = credentialsId;
    }

    @Override
    public String getGroup() {
        return group;
    }

    @Override
    public String getKey() {
        return key;
    }

    @Override
    public String getCredentialsId() {
        return credentialsId;
    }

    @Override
    public String getPart() {
        return part;
    }

    /** For a username/password credential: {@code username} or {@code password} (the default). */
    @DataBoundSetter
    public void setPart(String part) {
        this.part = part == null || part.isBlank() ? null : part.trim();
    }

    /** Describes the binding on forms. */
    @Extension
    public static class DescriptorImpl extends Descriptor<SecretBinding> {

        @Override
        public String getDisplayName() {
            return Messages.SecretBinding_DisplayName();
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return FormChecks.credentials(item, credentialsId);
        }
    }
}
