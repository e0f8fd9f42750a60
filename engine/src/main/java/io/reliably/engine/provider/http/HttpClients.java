package io.reliably.engine.provider.http;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTTP clients of one runner, built on first use and reused, one per (TLS verification, connect
 * timeout): a client is costly to build and keeps connections alive between activities. Thread-safe.
 */
final class HttpClients {

    private record Key(boolean verifyTls, Duration connectTimeout) { }

    private record Entry(boolean verifyTls, Duration connectTimeout, HttpClient client) { }

    private final Map<Key, HttpClient> clients = new ConcurrentHashMap<>();
    /** The client used last: nearly every activity of a run asks for the same one, so no map lookup. */
    private volatile Entry last;

    HttpClient get(boolean verifyTls, Duration connectTimeout) {
        Entry recent = last;
        if (recent != null && recent.verifyTls() == verifyTls && recent.connectTimeout().equals(connectTimeout)) {
            return recent.client();
        }
        HttpClient client = clients.computeIfAbsent(new Key(verifyTls, connectTimeout), HttpClients::build);
        last = new Entry(verifyTls, connectTimeout, client);
        return client;
    }

    private static HttpClient build(Key key) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                // requests speaks HTTP/1.1 only; this also avoids the h2c upgrade round trip
                .version(HttpClient.Version.HTTP_1_1)
                // requests follows every redirect, https to http included
                .followRedirects(HttpClient.Redirect.ALWAYS)
                .connectTimeout(key.connectTimeout());
        if (!key.verifyTls()) {
            builder.sslContext(TrustAllTrustManager.context());
        }
        return builder.build();
    }
}
