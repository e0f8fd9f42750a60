package io.reliably.engine.run;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reliably.engine.configuration.RunValues;
import io.reliably.engine.experiment.Experiment;
import io.reliably.engine.journal.HypothesisRun;
import io.reliably.engine.journal.Journal;
import io.reliably.engine.journal.RunStatus;
import io.reliably.engine.provider.Providers;
import io.reliably.engine.secret.SecretMasker;
import io.reliably.engine.tolerance.ToleranceCheck;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One run of one experiment: the order and status rules of Chaos Toolkit's {@code Runner._run}.
 * Hypothesis before (not met: the method is skipped, status {@code completed}, or {@code failed} when
 * a probe errored, {@code deviated} untouched), method with the continuous hypothesis, hypothesis after
 * (not met: {@code deviated}, status as before; skipped when interrupted or aborted), rollbacks, then
 * the journal. A stop noticed anywhere makes the status {@code interrupted}.
 */
final class ExperimentRun {

    private final EffectiveSettings settings;
    private final RunControl control;
    private final SecretMasker masker;
    private final JournalBuilder journal;
    private final ListenerDispatcher listeners;
    private final ReliablyExtension extension;
    private final HypothesisRunner hypothesis;
    private final MethodRunner method;
    private final Rollbacks rollbacks;
    private String interruptedDuring;

    ExperimentRun(Experiment experiment, RunValues values, EffectiveSettings settings, List<RunListener> listeners,
            RunControl control, Providers providers, ToleranceCheck tolerances, Host host) {
        this.settings = settings;
        this.control = control;
        this.masker = values.masker();
        String title = masker.mask(values.substitution().apply(experiment.title()));
        ObjectNode copy = journalCopy(experiment, title, settings.dry());
        this.journal = new JournalBuilder(host.platform(), host.node(), copy, Instant.now());
        Experiment asRun = new Experiment(title, masker.mask(experiment.description()), experiment.tags(),
                experiment.hypothesis(), experiment.method(), experiment.rollbacks(), experiment.runtime(), copy);
        RunContext context = new LiveRunContext(asRun, control, masker, copy);
        this.listeners = new ListenerDispatcher(listeners, context);
        this.extension = new ReliablyExtension(context);
        extension.engine(ExperimentRunner.engineVersion(), settings);
        ActivityExecutor executor = new ActivityExecutor(providers, tolerances, values, settings.dry(), control,
                this.listeners);
        this.hypothesis = new HypothesisRunner(experiment.hypothesis(), executor, control, this.listeners);
        this.method = new MethodRunner(experiment.method(), executor, journal, control, this.listeners, extension);
        this.rollbacks = new Rollbacks(experiment.rollbacks(), executor, journal, control, this.listeners);
    }

    /**
     * The journal's copy of the experiment: as loaded, title substituted, secrets masked, and
     * {@code dry} set as {@code chaos run} sets it.
     */
    private ObjectNode journalCopy(Experiment experiment, String title, Dry dry) {
        ObjectNode document = experiment.document();
        ObjectNode copy = document == null ? JsonNodeFactory.instance.objectNode() : document.deepCopy();
        copy = (ObjectNode) masker.mask(copy);
        copy.put("title", title);
        if (!copy.has("description")) {
            copy.put("description", masker.mask(experiment.description()));
        }
        if (dry == null) {
            copy.putNull("dry");
        } else {
            copy.put("dry", dry.json());
        }
        return copy;
    }

    Journal execute() {
        listeners.notify("beforeExperiment", l -> l.beforeExperiment(listeners.context()));
        boolean withHypothesis = settings.hypothesisStrategy() != HypothesisStrategy.SKIP && hypothesis.exists();
        boolean methodStarted = false;
        try {
            boolean proceed = !stopNoticed(Phase.HYPOTHESIS_BEFORE);
            if (proceed && withHypothesis && settings.hypothesisBefore()) {
                HypothesisRun before = hypothesis.run(Phase.HYPOTHESIS_BEFORE, journal::before);
                if (stopNoticed(Phase.HYPOTHESIS_BEFORE)) {
                    proceed = false;
                } else if (!before.steadyStateMet()) {
                    journal.status(statusOfUnmet(before));
                    proceed = false;
                }
            }
            if (proceed) {
                methodStarted = true;
                playMethod(withHypothesis);
                RunStatus status = journal.status();
                boolean skipAfter = stopNoticed(Phase.METHOD) || status == RunStatus.INTERRUPTED
                        || status == RunStatus.ABORTED;
                if (!skipAfter && withHypothesis && settings.hypothesisAfter()) {
                    HypothesisRun after = hypothesis.run(Phase.HYPOTHESIS_AFTER, journal::after);
                    if (!stopNoticed(Phase.HYPOTHESIS_AFTER) && !after.steadyStateMet()) {
                        journal.deviated(true);
                        journal.status(statusOfUnmet(after));
                    }
                }
            }
        } catch (ActivityAbortedException e) {
            journal.status(RunStatus.ABORTED);
            extension.abort(e.run().name(), e.getCause());
        }
        stopNoticed(Phase.ROLLBACKS);
        if (rollbacks.due(settings.rollbackStrategy(), methodStarted)) {
            rollbacks.play();
        }
        stopNoticed(Phase.ROLLBACKS);
        return finish();
    }

    private void playMethod(boolean withHypothesis) {
        ContinuousHypothesis continuous = null;
        if (withHypothesis && settings.hypothesisDuring()) {
            continuous = new ContinuousHypothesis(hypothesis, journal, control, listeners, settings, extension);
            continuous.start();
        }
        try {
            method.run();
        } finally {
            if (continuous != null) {
                continuous.finish();
            }
        }
    }

    /** Chaos Toolkit: {@code completed}, or {@code failed} when a probe errored rather than missed. */
    private static RunStatus statusOfUnmet(HypothesisRun result) {
        return HypothesisRunner.anyProbeFailed(result) ? RunStatus.FAILED : RunStatus.COMPLETED;
    }

    /** Whether a stop was requested; the first time, records it and tells the listeners. */
    private boolean stopNoticed(Phase phase) {
        if (!control.isStopRequested()) {
            return false;
        }
        journal.status(RunStatus.INTERRUPTED);
        if (interruptedDuring == null) {
            interruptedDuring = phase.name().toLowerCase(Locale.ROOT).replace('_', '-');
            String reason = masker.mask(control.reason());
            listeners.notify("interrupted", l -> l.interrupted(listeners.context(), reason));
        }
        return true;
    }

    private Journal finish() {
        String interruption = null;
        if (interruptedDuring != null) {
            interruption = masker.mask(control.reason());
            extension.interruption(interruption, control.isImmediate(), interruptedDuring);
        }
        Instant end = Instant.now();
        Journal journalSoFar = journal.build(ExperimentRunner.CHAOSLIB_VERSION, end, interruption);
        listeners.notify("afterExperiment", l -> l.afterExperiment(listeners.context(), journalSoFar));
        ObjectNode experimentCopy;
        synchronized (journal.experiment()) {
            experimentCopy = (ObjectNode) masker.mask(journal.experiment());
        }
        return new Journal(journalSoFar.chaoslibVersion(), journalSoFar.platform(), journalSoFar.node(),
                experimentCopy, journalSoFar.start(), journalSoFar.end(), journalSoFar.status(),
                journalSoFar.deviated(), journalSoFar.before(), journalSoFar.after(), journalSoFar.during(),
                journalSoFar.run(), journalSoFar.rollbacks(), journalSoFar.interruption());
    }
}
