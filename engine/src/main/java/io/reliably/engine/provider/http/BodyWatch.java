package io.reliably.engine.provider.http;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Bounds the wait for a response body on the JDK {@code HttpClient}, whose own request timeout stops
 * once the headers are in: without this, a server that sends its headers and then stalls holds the
 * activity forever. As {@code requests} reads a timeout, the body fails when no data came for the read
 * timeout; a slow but steady body is fine. {@link BodyDeadlines} checks it and, on expiry, it
 * interrupts the calling thread, which aborts {@link java.net.http.HttpClient#send}. One per exchange.
 */
final class BodyWatch implements HttpResponse.BodyHandler<byte[]> {

    private final BodyDeadlines deadlines;
    private final long idleNanos;
    private final CallerInterrupt interrupt;
    private volatile long lastData;
    private volatile boolean expired;
    private boolean done;

    BodyWatch(BodyDeadlines deadlines, Duration idle, CallerInterrupt interrupt) {
        this.deadlines = deadlines;
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
        deadlines.remove(this);
    }

    /** Called by {@link BodyDeadlines} now and then: aborts the exchange if the body stalled. */
    void check(long now) {
        if (now - lastData < idleNanos) {
            return;
        }
        synchronized (this) {
            if (done || expired) {
                return;
            }
            expired = true;
        }
        interrupt.fire();
    }

    @Override
    public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
        lastData = System.nanoTime();
        synchronized (this) {
            if (!done) {
                deadlines.add(this);
            }
        }
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
}
