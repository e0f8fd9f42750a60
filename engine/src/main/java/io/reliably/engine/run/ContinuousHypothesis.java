package io.reliably.engine.run;

import io.reliably.engine.journal.HypothesisRun;
import io.reliably.engine.journal.RunStatus;
import io.reliably.engine.provider.Cancellation;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Checks the hypothesis over and over while the method runs, on its own thread, as Chaos Toolkit's
 * {@code run_hypothesis_continuously}: the first iteration starts with the method, then
 * {@code frequency} seconds pass between the end of one iteration and the start of the next. With
 * fail-fast, once the percentage of deviated iterations reaches the ratio the status becomes
 * {@code failed} and the method stops after its current activity. A stop ends the wait at once.
 */
final class ContinuousHypothesis {

    private final HypothesisRunner hypothesis;
    private final JournalBuilder journal;
    private final RunControl control;
    private final ListenerDispatcher listeners;
    private final EffectiveSettings settings;
    private final ReliablyExtension extension;
    private final CountDownLatch methodOver = new CountDownLatch(1);
    private Thread thread;

    ContinuousHypothesis(HypothesisRunner hypothesis, JournalBuilder journal, RunControl control,
            ListenerDispatcher listeners, EffectiveSettings settings, ReliablyExtension extension) {
        this.hypothesis = hypothesis;
        this.journal = journal;
        this.control = control;
        this.listeners = listeners;
        this.settings = settings;
        this.extension = extension;
    }

    void start() {
        thread = new Thread(this::iterate, "reliably-continuous-hypothesis");
        thread.setDaemon(true);
        thread.start();
    }

    /** Ends the iterations once the method is over; waits for the one in progress. */
    void finish() {
        methodOver.countDown();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void iterate() {
        Cancellation stopWatch = control.track(Phase.HYPOTHESIS_DURING);
        try (AutoCloseable wake = stopWatch.onCancel(methodOver::countDown)) {
            int iteration = 1;
            int deviated = 0;
            while (methodOver.getCount() > 0 && !journal.isTerminated()) {
                HypothesisRun state = hypothesis.run(Phase.HYPOTHESIS_DURING, journal::during);
                int index = iteration;
                listeners.notify("continuousHypothesisIteration",
                        l -> l.continuousHypothesisIteration(listeners.context(), index, state));
                if (!state.steadyStateMet() && !control.isStopRequested()) {
                    deviated++;
                    double ratio = deviated * 100.0 / iteration;
                    if (settings.failFast() && ratio >= settings.failFastRatio()) {
                        journal.status(RunStatus.FAILED);
                        break;
                    }
                }
                iteration++;
                methodOver.await((long) (settings.frequency() * 1_000_000_000L), TimeUnit.NANOSECONDS);
            }
        } catch (ActivityAbortedException e) {
            journal.status(RunStatus.ABORTED);
            extension.abort(e.run().name(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            journal.status(RunStatus.ABORTED);
            extension.abort("continuous hypothesis", e);
        } finally {
            control.release(stopWatch);
        }
    }
}
