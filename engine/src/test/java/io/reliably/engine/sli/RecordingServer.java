package io.reliably.engine.sli;

import com.sun.net.httpserver.HttpExchange;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A loopback HTTP server that answers like a metric store and records every request, so tests can
 * check method, path, parameters, headers, body and auth.
 */
final class RecordingServer implements AutoCloseable {

    /** One request as received. */
    record Request(String method, String path, Map<String, String> params, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** An answer: status, JSON body, delay. */
    record Answer(int status, String body, long delayMillis) {
        static Answer json(String body) {
            return new Answer(200, body, 0);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Function<Request, Answer>> routes = new ConcurrentHashMap<>();

    RecordingServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "recording-server");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers requests whose path starts with {@code prefix}. */
    RecordingServer on(String prefix, Function<Request, Answer> answer) {
        routes.put(prefix, answer);
        return this;
    }

    RecordingServer onJson(String prefix, String json) {
        return on(prefix, request -> Answer.json(json));
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    Request only() {
        List<Request> all = requests();
        if (all.size() != 1) {
            throw new AssertionError("expected one request, got " + all.size() + ": " + all);
        }
        return all.get(0);
    }

    Request to(String pathPrefix) {
        return requests().stream().filter(r -> r.path().startsWith(pathPrefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no request to " + pathPrefix + " in " + requests()));
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(java.util.Locale.ROOT), String.join(",", values)));
        Map<String, String> params = new LinkedHashMap<>();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                params.put(name, value);
            }
        }
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), params, headers, body);
        requests.add(request);
        Function<Request, Answer> route = routes.entrySet().stream()
                .filter(e -> request.path().startsWith(e.getKey()))
                .max(Map.Entry.comparingByKey(java.util.Comparator.comparingInt(String::length)))
                .map(Map.Entry::getValue).orElse(r -> new Answer(404, "{\"error\":\"no route\"}", 0));
        Answer answer = route.apply(request);
        try {
            if (answer.delayMillis() > 0) {
                Thread.sleep(answer.delayMillis());
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (a timeout test): nothing to answer
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
