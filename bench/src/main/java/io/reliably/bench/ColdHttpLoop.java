package io.reliably.bench;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The start-up baseline for {@code bench/run-cli-startup.sh}: a fresh JVM that sends N GETs and exits,
 * with no engine at all, timed from outside like {@code bin/reliably run}. Two clients, because the
 * choice of client decides the cold cost: the JDK {@code HttpClient} (what the engine uses) and
 * {@code HttpURLConnection}.
 *
 * <p>Usage: {@code ColdHttpLoop URL [httpclient|urlconnection] [N=500]}.
 */
public final class ColdHttpLoop {

    private ColdHttpLoop() {
    }

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        String client = args.length > 1 ? args[1] : "httpclient";
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        if ("urlconnection".equals(client)) {
            for (int i = 0; i < n; i++) {
                HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
                connection.setConnectTimeout(5000);
                connection.setReadTimeout(5000);
                try (InputStream in = connection.getInputStream()) {
                    in.readAllBytes();
                }
                check(connection.getResponseCode());
            }
        } else {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            for (int i = 0; i < n; i++) {
                HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build();
                check(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
            }
        }
    }

    private static void check(int status) {
        if (status != 200) {
            throw new IllegalStateException("status " + status);
        }
    }
}
