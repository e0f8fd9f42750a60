package io.reliably.engine.provider.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * Reads one of a process's output streams on its own thread, so a process that fills both stdout and
 * stderr never blocks on a full pipe.
 */
final class OutputCollector {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Thread thread;

    OutputCollector(InputStream stream, String name) {
        this.thread = new Thread(() -> drain(stream), name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void drain(InputStream stream) {
        byte[] buffer = new byte[8192];
        try (stream) {
            int read;
            while ((read = stream.read(buffer)) >= 0) {
                synchronized (bytes) {
                    bytes.write(buffer, 0, read);
                }
            }
        } catch (IOException e) {
            // the stream was closed under us: keep what was read
        }
    }

    /**
     * Waits until the stream ends, at most {@code grace}, and returns what was read. A background child
     * that keeps the pipe open does not hold the activity for longer than that.
     */
    byte[] await(Duration grace) throws InterruptedException {
        thread.join(Math.max(1, grace.toMillis()));
        synchronized (bytes) {
            return bytes.toByteArray();
        }
    }
}
