package io.reliably.engine.provider.http;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The request {@code requests} would send for an http provider, decided before any HTTP client sees
 * it, so that every {@link HttpTransport} sends the same thing.
 *
 * @param uri where to send it, without user information (that became an {@code Authorization} header)
 * @param method the method in upper case
 * @param headers the headers in the order the experiment gave them, then the ones added for it
 * @param body the body, or {@code null} for none
 * @param connectTimeout how long to wait for the connection
 * @param readTimeout how long to wait for the response
 * @param verifyTls whether an https server's certificate must be trusted
 * @param shownUrl the URL as messages show it: without credentials
 */
public record PreparedRequest(URI uri, String method, List<HttpHeader> headers, byte[] body, Duration connectTimeout,
        Duration readTimeout, boolean verifyTls, String shownUrl) {

    public PreparedRequest {
        headers = List.copyOf(headers);
    }

    /** The value of the first header of this name, in any case, or {@code null}. */
    public String header(String name) {
        return HttpHeader.first(headers, name);
    }
}
