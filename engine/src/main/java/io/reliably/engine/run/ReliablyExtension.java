package io.reliably.engine.run;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Our own record of a run, in the journal's {@code experiment.extensions[name=reliably]}: the engine
 * that ran it, the settings it ran with, why it was interrupted or aborted, and listener errors.
 * Chaos Toolkit's tools ignore extensions they do not know.
 */
final class ReliablyExtension {

    /** The extension's {@code name}. */
    static final String NAME = "reliably";

    private final RunContext context;

    ReliablyExtension(RunContext context) {
        this.context = context;
    }

    void engine(String version, EffectiveSettings settings) {
        ObjectNode node = context.extension(NAME);
        synchronized (node) {
            ObjectNode engine = node.putObject("engine");
            engine.put("name", "reliably");
            engine.put("version", version);
            ObjectNode runtime = node.putObject("settings");
            runtime.put("rollback_strategy", settings.rollbackStrategy().json());
            runtime.put("hypothesis_strategy", settings.hypothesisStrategy().json());
            runtime.put("hypothesis_frequency", settings.frequency());
            runtime.put("fail_fast", settings.failFast());
            runtime.put("fail_fast_ratio", settings.failFastRatio());
            runtime.put("dry", settings.dry() == null ? null : settings.dry().json());
        }
    }

    void interruption(String reason, boolean immediate, String during) {
        ObjectNode node = context.extension(NAME);
        synchronized (node) {
            ObjectNode interruption = node.putObject("interruption");
            interruption.put("reason", context.masker().mask(reason));
            interruption.put("mode", immediate ? "immediate" : "graceful");
            interruption.put("noticed_during", during);
        }
    }

    void abort(String activity, Throwable error) {
        ObjectNode node = context.extension(NAME);
        synchronized (node) {
            ObjectNode abort = node.putObject("abort");
            abort.put("activity", activity);
            abort.put("error", context.masker().mask(ErrorLines.describe(error)));
        }
    }
}
