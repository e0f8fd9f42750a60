package io.reliably.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A loopback metric store for command-line tests: answers by path, records the decoded query parameters. */
final class FakeStore implements AutoCloseable {

    private final HttpServer server;
    final List<Map<String, String>> params = Collections.synchronizedList(new ArrayList<>());
    final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());

    FakeStore(Function<Map<String, String>, String> answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Map<String, String> query = new LinkedHashMap<>();
            String raw = exchange.getRequestURI().getRawQuery();
            if (raw != null) {
                for (String pair : raw.split("&")) {
                    int eq = pair.indexOf('=');
                    query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            query.put("@path", exchange.getRequestURI().getPath());
            params.add(query);
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] body = answer.apply(query).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** A Prometheus answering one sample per query, by the first matching fragment of the query. */
    static FakeStore prometheus(Map<String, String> valueByFragment) throws IOException {
        return new FakeStore(query -> {
            String promql = query.getOrDefault("query", "");
            for (Map.Entry<String, String> entry : valueByFragment.entrySet()) {
                if (promql.contains(entry.getKey())) {
                    return "{\"status\": \"success\", \"data\": {\"resultType\": \"vector\", \"result\": "
                            + "[{\"metric\": {}, \"value\": [1714565400, \"" + entry.getValue() + "\"]}]}}";
                }
            }
            return "{\"status\": \"success\", \"data\": {\"resultType\": \"vector\", \"result\": []}}";
        });
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
