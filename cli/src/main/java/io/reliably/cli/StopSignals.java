package io.reliably.cli;

import io.reliably.engine.run.RunControl;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C and SIGTERM during a run: the first stops the run gracefully (the activity in progress is
 * cancelled, rollbacks play per the strategy, the journal is written); a second one stops it at once
 * (rollbacks skipped, journal still written). Chaos Toolkit's SIGUSR1 and SIGUSR2 semantics, on the
 * signals users actually send. Where the JVM does not let us handle a signal, a shutdown hook stops
 * the run gracefully and waits for it to end. Restores the previous handlers when closed.
 */
final class StopSignals implements AutoCloseable {

    /** How long a shutdown hook waits for the rollbacks and the journal. */
    private static final long HOOK_WAIT_SECONDS = 120;

    private final RunControl control;
    private final PrintWriter err;
    private final AtomicInteger received = new AtomicInteger();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final List<Restore> restores = new ArrayList<>();
    private Thread hook;

    private record Restore(Signal signal, SignalHandler previous) { }

    private StopSignals(RunControl control, PrintWriter err) {
        this.control = control;
        this.err = err;
    }

    static StopSignals install(RunControl control, PrintWriter err) {
        StopSignals signals = new StopSignals(control, err);
        boolean handledBoth = signals.handle("INT") & signals.handle("TERM");
        if (!handledBoth) {
            signals.addShutdownHook();
        }
        return signals;
    }

    private boolean handle(String name) {
        try {
            Signal signal = new Signal(name);
            SignalHandler previous = Signal.handle(signal, s -> received("SIG" + s.getName()));
            restores.add(new Restore(signal, previous));
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return false;
        }
    }

    private void received(String signal) {
        if (received.incrementAndGet() == 1) {
            message("reliably: " + signal + " received: stopping gracefully (rollbacks play per the strategy,"
                    + " the journal is written). Press Ctrl-C again to stop at once.");
            control.stopGracefully("interrupted by " + signal);
        } else {
            message("reliably: " + signal + " received again: stopping at once, skipping rollbacks.");
            control.stopImmediately("interrupted by " + signal + " (twice)");
        }
    }

    private void message(String text) {
        synchronized (err) {
            err.println(text);
            err.flush();
        }
    }

    private void addShutdownHook() {
        hook = new Thread(() -> {
            control.stopGracefully("interrupted: the process is shutting down");
            try {
                ended.await(HOOK_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "reliably-stop-on-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void close() {
        restores.forEach(r -> Signal.handle(r.signal(), r.previous()));
        ended.countDown();
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it returns now that the run has ended
            }
        }
    }
}
