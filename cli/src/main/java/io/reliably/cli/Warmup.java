package io.reliably.cli;

import io.reliably.engine.loader.ExperimentLoader;
import java.net.URL;
import java.util.concurrent.TimeUnit;

/**
 * Work a run needs anyway, started on a second thread while picocli reads the command line: on two
 * CPUs the two overlap, and a short run starts sooner. It loads a small experiment (Jackson, the
 * loader and the model get loaded and initialised) and prepares an HTTP connection object without
 * connecting. The command waits for it ({@link #await}) before it touches the engine itself, so the
 * two threads never initialise the same classes at the same time. A failure here changes nothing: the
 * run does the same work again and reports any problem itself.
 */
final class Warmup {

    private static final String EXPERIMENT = """
            {"title": "warm-up", "description": "loads the classes a run needs",
             "configuration": {"url": "http://127.0.0.1:1/"},
             "steady-state-hypothesis": {"title": "up", "probes": [{"type": "probe", "name": "p",
               "tolerance": 200, "provider": {"type": "http", "url": "${url}", "timeout": [1, 2]}}]},
             "method": [{"type": "action", "name": "a", "provider": {"type": "http", "url": "${url}",
               "method": "POST", "headers": {"Content-Type": "application/json"}, "arguments": {"x": 1}}}],
             "rollbacks": []}
            """;

    private final Thread thread;

    private Warmup(Thread thread) {
        this.thread = thread;
    }

    static Warmup start() {
        // an explicit Runnable: a method reference would spin a class at run time, the very cost avoided here
        Thread thread = new Thread(new Runnable() {
            @Override
            public void run() {
                warmUp();
            }
        }, "reliably-warm-up");
        thread.setDaemon(true);
        thread.start();
        return new Warmup(thread);
    }

    /** Waits until the warm-up is over (it takes a fraction of a second; never more than two). */
    void await() {
        try {
            thread.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void warmUp() {
        try {
            new ExperimentLoader().parse("warm-up.json", EXPERIMENT);
            new URL("http://127.0.0.1:1/").openConnection();
        } catch (Exception | LinkageError e) {
            // the run itself does this work again and reports what goes wrong
        }
    }
}
