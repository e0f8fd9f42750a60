package io.reliably.engine.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;

/**
 * Calls every {@link RunListener} at a hook, in order, on the calling thread. A listener that throws
 * does not break the run: its error is recorded in {@code extensions[name=reliably].listener_errors}
 * (secrets masked) and the next listener is called. A listener that blocks blocks the run: that is
 * how a pause works.
 */
final class ListenerDispatcher {

    private final List<RunListener> listeners;
    private final RunContext context;

    ListenerDispatcher(List<RunListener> listeners, RunContext context) {
        this.listeners = List.copyOf(listeners);
        this.context = context;
    }

    RunContext context() {
        return context;
    }

    boolean isEmpty() {
        return listeners.isEmpty();
    }

    /**
     * Calls one hook on every listener.
     *
     * @param hook the hook's name, recorded with an error
     * @param call what to call on each listener
     */
    void notify(String hook, Consumer<RunListener> call) {
        for (RunListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException | LinkageError | AssertionError e) {
                record(listener, hook, e);
            }
        }
    }

    private void record(RunListener listener, String hook, Throwable error) {
        ObjectNode reliably = context.extension(ReliablyExtension.NAME);
        synchronized (reliably) {
            ArrayNode errors = reliably.withArrayProperty("listener_errors");
            ObjectNode entry = errors.addObject();
            entry.put("listener", listener.getClass().getName());
            entry.put("hook", hook);
            String message = error.getMessage();
            entry.put("error", context.masker().mask(
                    error.getClass().getName() + (message == null ? "" : ": " + message)));
        }
    }
}
