package io.jenkins.plugins.reliably;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The user-facing texts of {@code Messages.properties}, one method per key as Jenkins' localizer
 * would generate them (the localizer's Maven plugin is not on Maven Central).
 */
final class Messages {

    private Messages() {
    }

    private static String format(String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(Messages.class.getName(), Locale.getDefault(),
                Messages.class.getClassLoader());
        return new MessageFormat(bundle.getString(key), Locale.ROOT).format(args);
    }

    static String ReliablyRunStep_DisplayName() {
        return format("ReliablyRunStep.DisplayName");
    }

    static String ReliablyRunBuilder_DisplayName() {
        return format("ReliablyRunBuilder.DisplayName");
    }

    static String SecretBinding_DisplayName() {
        return format("SecretBinding.DisplayName");
    }

    static String ReliablyRunAction_DisplayName(String title) {
        return format("ReliablyRunAction.DisplayName", title);
    }

    static String ReliablyRunStep_Outcome(String title, String status, boolean deviated) {
        return format("ReliablyRunStep.Outcome", title, status, deviated ? 1 : 0);
    }

    static String ReliablyRunExecution_StoppingGracefully() {
        return format("ReliablyRunExecution.StoppingGracefully");
    }

    static String ReliablyRunExecution_StoppingNow() {
        return format("ReliablyRunExecution.StoppingNow");
    }

    static String ReliablyGateStep_DisplayName() {
        return format("ReliablyGateStep.DisplayName");
    }

    static String ReliablyGateBuilder_DisplayName() {
        return format("ReliablyGateBuilder.DisplayName");
    }

    static String ReliablyGateAction_DisplayName(String slo) {
        return format("ReliablyGateAction.DisplayName", slo);
    }

    static String ReliablyGateStep_Outcome(String slo, String result) {
        return format("ReliablyGateStep.Outcome", slo, result);
    }

    static String QuerySliStep_DisplayName() {
        return format("QuerySliStep.DisplayName");
    }

    static String QuerySliBuilder_DisplayName() {
        return format("QuerySliBuilder.DisplayName");
    }

    static String ReliablyIndicatorsAction_DisplayName() {
        return format("ReliablyIndicatorsAction.DisplayName");
    }
}
