package io.jenkins.plugins.reliably;

import hudson.model.Item;
import hudson.util.FormValidation;
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
}
