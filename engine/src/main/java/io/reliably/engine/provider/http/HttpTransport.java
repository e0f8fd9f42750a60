package io.reliably.engine.provider.http;

import io.reliably.engine.provider.Cancellation;
import java.io.IOException;

/**
 * Sends one prepared request and gives the whole response. Two exist because their costs differ where
 * the engine runs: the JDK {@code HttpClient} ({@link JdkHttpTransport}) is fast once warm, as inside
 * Jenkins, but slow in a fresh JVM; {@code HttpURLConnection} ({@link UrlConnectionTransport}) is fast
 * from the first call, which is what a short command-line run needs. Both send the same request and
 * fail the same way; a transport that cannot send a request exactly says so with {@link #canSend}.
 */
public interface HttpTransport {

    /** Whether this transport sends the request exactly as prepared (method, headers, body). */
    boolean canSend(PreparedRequest request);

    /**
     * Sends the request, following redirects, and waits for the whole response.
     *
     * @param cancellation when fired, the exchange is aborted at once and this throws
     * @throws IOException on a connection error or a timeout: {@link java.net.http.HttpConnectTimeoutException}
     *     when no connection was made in time, {@link java.net.http.HttpTimeoutException} when the
     *     response did not come in time
     * @throws InterruptedException when the calling thread is interrupted
     */
    ReceivedResponse send(PreparedRequest request, Cancellation cancellation) throws IOException, InterruptedException;
}
