package io.reliably.engine.provider.http;

import java.util.List;

/**
 * One header line of a request or a response; the name keeps the case it was written in.
 *
 * @param name the header's name
 * @param value its value
 */
public record HttpHeader(String name, String value) {

    /** The value of the first header of this name, in any case, or {@code null}. */
    static String first(List<HttpHeader> headers, String name) {
        for (HttpHeader header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                return header.value();
            }
        }
        return null;
    }
}
