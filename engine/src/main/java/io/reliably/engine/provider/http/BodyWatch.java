package io.reliably.engine.provider.http;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the wait for a response body on the JDK {@code HttpClient}, whose own request timeout stops
 * once the headers are in: without this, a server that sends its headers and then stalls holds the
 * activity forever. As {@code requests} reads a timeout, the body fails when no data came for the read
 * timeout; a slow but steady body is fine. On expiry it interrupts the calling thread, which aborts
 * {@link java.net.http.HttpClient#send}. One per exchange.
 */
final class BodyWatch implements HttpResponse.BodyHandler<byte[]> {

    private final ScheduledExecutorService timer;
    private final long idleNanos;
    private final CallerInterrupt interrupt;
    private volatile long lastData;
    private volatile boolean expired;
    private boolean done;
    private ScheduledFuture<?> check;

    BodyWatch(ScheduledExecutorService timer, Duration idle, CallerInterrupt interrupt) {
        this.timer = timer;
        this.idleNanos = idle.toNanos();
        this.interrupt = interrupt;
    }

    /** Whether the body stalled: the exchange was aborted for it. */
    boolean expired() {
        return expired;
    }

    /** The exchange is over: nothing more to watch. */
    synchronized void done() {
        done = true;
        if (check != null) {
            check.cancel(false);
        }
    }

    @Override
    public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
        lastData = System.nanoTime();
        schedule(idleNanos);
        HttpResponse.BodySubscriber<byte[]> bytes = HttpResponse.BodySubscribers.ofByteArray();
        return new HttpResponse.BodySubscriber<>() {
            @Override
            public CompletionStage<byte[]> getBody() {
                return bytes.getBody();
            }

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                bytes.onSubscribe(subscription);
            }

            @Override
            public void onNext(List<ByteBuffer> item) {
                lastData = System.nanoTime();
                bytes.onNext(item);
            }

            @Override
            public void onError(Throwable throwable) {
                done();
                bytes.onError(throwable);
            }

            @Override
            public void onComplete() {
                done();
                bytes.onComplete();
            }
        };
    }

    private synchronized void schedule(long nanos) {
        if (!done) {
            check = timer.schedule(this::check, nanos, TimeUnit.NANOSECONDS);
        }
    }

    private void check() {
        long quiet = System.nanoTime() - lastData;
        if (quiet < idleNanos) {
            schedule(idleNanos - quiet);
            return;
        }
        synchronized (this) {
            if (done) {
                return;
            }
            expired = true;
        }
        interrupt.fire();
    }
}
