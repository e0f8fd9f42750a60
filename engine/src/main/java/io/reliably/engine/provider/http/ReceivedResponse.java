package io.reliably.engine.provider.http;

import java.util.List;

/**
 * A response as an {@link HttpTransport} received it, before it becomes the provider's output.
 *
 * @param status the status code
 * @param headers the header lines in the order received; a repeated name appears once per line
 * @param body the whole body, empty when there is none
 */
public record ReceivedResponse(int status, List<HttpHeader> headers, byte[] body) {

    public ReceivedResponse {
        headers = List.copyOf(headers);
    }

    /** The value of the first header of this name, in any case, or {@code null}. */
    public String header(String name) {
        return HttpHeader.first(headers, name);
    }
}
