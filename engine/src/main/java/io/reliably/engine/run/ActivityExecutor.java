package io.reliably.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reliably.engine.configuration.RunValues;
import io.reliably.engine.experiment.Activity;
import io.reliably.engine.experiment.ActivityType;
import io.reliably.engine.experiment.Pauses;
import io.reliably.engine.journal.ActivityRun;
import io.reliably.engine.provider.ActivityFailedException;
import io.reliably.engine.provider.Cancellation;
import io.reliably.engine.provider.Providers;
import io.reliably.engine.tolerance.ToleranceCheck;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one activity as Chaos Toolkit's {@code execute_activity} does: the {@code before} pause, the
 * start timestamp, the provider, the end timestamp, the {@code after} pause. An
 * {@code ActivityFailed} (timeout, connection error, cancellation) is recorded as a failed run; any
 * other error is recorded too and then aborts the run. For hypothesis probes the tolerance is checked
 * here as well, so listeners see {@code tolerance_met}. Secrets are masked in everything recorded.
 */
final class ActivityExecutor {

    /** Reserves an activity's place in the journal when it starts. */
    @FunctionalInterface
    interface Placement {
        /** Where nothing is reserved: hypothesis probes are collected by their hypothesis. */
        Placement NONE = (activity, start) -> null;

        JournalBuilder.Slot reserve(ObjectNode activity, Instant start);
    }

    private final Providers providers;
    private final ToleranceCheck tolerances;
    private final RunValues values;
    private final Dry dry;
    private final RunControl control;
    private final ListenerDispatcher listeners;
    private final Map<Activity, ObjectNode> masked = new IdentityHashMap<>();

    ActivityExecutor(Providers providers, ToleranceCheck tolerances, RunValues values, Dry dry,
            RunControl control, ListenerDispatcher listeners) {
        this.providers = providers;
        this.tolerances = tolerances;
        this.values = values;
        this.dry = dry;
        this.control = control;
        this.listeners = listeners;
    }

    /**
     * Runs an activity.
     *
     * @param activity the activity
     * @param phase where it runs; a graceful stop cancels it unless it is a rollback
     * @param placement where its record goes in the journal
     * @return its record, or {@code null} when a stop came before it started
     * @throws ActivityAbortedException when it ended in an unexpected error
     */
    ActivityRun execute(Activity activity, Phase phase, Placement placement) {
        if (!listeners.isEmpty()) {
            listeners.notify("beforeActivity", l -> l.beforeActivity(listeners.context(), phase, activity));
        }
        boolean isDry = isDry(activity.type());
        boolean skipPauses = isDry || dry == Dry.PAUSE;
        Pauses pauses = activity.pauses() == null ? Pauses.NONE : activity.pauses();
        ObjectNode definition = maskedDefinition(activity);
        double before;
        double after;
        try {
            before = seconds(pauses.before(), activity, "before");
            after = seconds(pauses.after(), activity, "after");
        } catch (IllegalArgumentException e) {
            Instant now = Instant.now();
            ActivityRun run = failed(definition, null, e, now, now, phase);
            JournalBuilder.Slot slot = placement.reserve(definition, now);
            if (slot != null) {
                slot.fill(run);
            }
            notifyAfter(phase, run);
            throw new ActivityAbortedException(run, e);
        }
        if (before > 0 && !skipPauses && !Pause.sleep(control, phase, before)) {
            return null;
        }
        if (Pause.stopApplies(control, phase)) {
            return null;
        }

        Instant start = Instant.now();
        JournalBuilder.Slot slot = placement.reserve(definition, start);
        ActivityRun run;
        Cancellation cancellation = control.track(phase);
        try {
            run = isDry ? dryRun(definition, start, phase) : run(activity, definition, start, phase, cancellation);
        } catch (RuntimeException e) {
            ActivityRun failed = failed(definition, null, e, start, Instant.now(), phase);
            if (slot != null) {
                slot.fill(failed);
            }
            notifyAfter(phase, failed);
            throw new ActivityAbortedException(failed, e);
        } finally {
            control.release(cancellation);
        }
        if (slot != null) {
            slot.fill(run);
        }
        if (after > 0 && !skipPauses) {
            Pause.sleep(control, phase, after);
        }
        notifyAfter(phase, run);
        return run;
    }

    private ActivityRun run(Activity activity, ObjectNode definition, Instant start, Phase phase,
            Cancellation cancellation) {
        JsonNode output;
        try {
            output = providers.run(Providers.substitute(activity.provider(), values.substitution()), cancellation);
        } catch (ActivityFailedException e) {
            return failed(definition, null, e, start, Instant.now(), phase);
        }
        Instant end = Instant.now();
        Boolean toleranceMet = null;
        if (isHypothesis(phase)) {
            toleranceMet = isDryProbe() || activity.tolerance() == null
                    || tolerances.isMet(activity.tolerance(), output, values.substitution(), cancellation);
        }
        return new ActivityRun(definition, true, values.masker().mask(output), List.of(), start, end, toleranceMet);
    }

    private ActivityRun dryRun(ObjectNode definition, Instant start, Phase phase) {
        return new ActivityRun(definition, true, null, List.of(), start, Instant.now(),
                isHypothesis(phase) ? Boolean.TRUE : null);
    }

    private ActivityRun failed(ObjectNode definition, JsonNode output, Throwable error, Instant start, Instant end,
            Phase phase) {
        return new ActivityRun(definition, false, output, ErrorLines.of(error, values.masker()), start, end,
                isHypothesis(phase) ? Boolean.FALSE : null);
    }

    private void notifyAfter(Phase phase, ActivityRun run) {
        if (!listeners.isEmpty()) {
            listeners.notify("afterActivity", l -> l.afterActivity(listeners.context(), phase, run));
        }
    }

    private boolean isDry(ActivityType type) {
        if (dry == null) {
            return false;
        }
        return switch (dry) {
            case ACTIONS -> type == ActivityType.ACTION;
            case PROBES -> type == ActivityType.PROBE;
            case ACTIVITIES -> true;
            case PAUSE -> false;
        };
    }

    /** Chaos Toolkit does not check tolerances under {@code --dry probes} or {@code activities}. */
    private boolean isDryProbe() {
        return dry == Dry.PROBES || dry == Dry.ACTIVITIES;
    }

    private static boolean isHypothesis(Phase phase) {
        return phase == Phase.HYPOTHESIS_BEFORE || phase == Phase.HYPOTHESIS_AFTER
                || phase == Phase.HYPOTHESIS_DURING;
    }

    /** The activity as written, masked once per run: a continuous hypothesis runs the same probes often. */
    private ObjectNode maskedDefinition(Activity activity) {
        if (values.masker().isEmpty()) {
            return definitionOf(activity);
        }
        synchronized (masked) {
            return masked.computeIfAbsent(activity, a -> (ObjectNode) values.masker().mask(definitionOf(a)));
        }
    }

    private static ObjectNode definitionOf(Activity activity) {
        if (activity.definition() != null) {
            return activity.definition();
        }
        ObjectNode written = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        written.put("type", activity.type().json());
        written.put("name", activity.name());
        return written;
    }

    private double seconds(JsonNode pause, Activity activity, String which) {
        if (pause == null || pause.isNull() || pause.isMissingNode()) {
            return 0;
        }
        JsonNode value = pause.isTextual() ? values.substitution().apply(pause) : pause;
        if (value.isNumber()) {
            return value.asDouble();
        }
        if (value.isTextual()) {
            try {
                return Double.parseDouble(value.textValue().trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException("activity '" + activity.name() + "': pauses." + which
                + " must be a number of seconds, got " + value);
    }
}
