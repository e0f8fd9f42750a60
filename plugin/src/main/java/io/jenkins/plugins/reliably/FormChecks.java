package io.jenkins.plugins.reliably;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.model.Item;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.List;
import java.util.Optional;

/**
 * Turns a field check into the form's answer, for users who may configure the item: others get no
 * answer (as credentials' and warnings-ng's checks do).
 */
final class FormChecks {

    private FormChecks() {
    }

    static FormValidation answer(Item item, Optional<String> problem) {
        if (item != null && !item.hasPermission(Item.CONFIGURE)) {
            return FormValidation.ok();
        }
        return problem.map(FormValidation::error).orElseGet(FormValidation::ok);
    }

    /**
     * The credentials a {@code credentialsId} field offers, as the credentials plugin's consumer
     * guide lists them: only the current value for users who may not see the item's configuration
     * nor use its credentials, and outside an item.
     */
    static ListBoxModel credentials(Item item, String current) {
        StandardListBoxModel model = new StandardListBoxModel();
        if (item == null || !(item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM))) {
            return model.includeCurrentValue(current);
        }
        return model.includeEmptyValue()
                .includeMatchingAs(ACL.SYSTEM2, item, StandardCredentials.class, List.of(), CredentialsMatchers.always())
                .includeCurrentValue(current);
    }
}
