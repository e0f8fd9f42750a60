package io.reliably.engine.run;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A small service on 127.0.0.1 for runs to probe and break: {@code /health} answers 200 while up,
 * 500 once {@code /break} was called, and drops the connection once {@code /kill} was called;
 * {@code /heal} brings it back. {@code /slow} sleeps 30 s; {@code /sleep?ms=N} sleeps N ms;
 * {@code /echo} returns the {@code X-Token} header. Every call is recorded, in order.
 */
final class TestService implements AutoCloseable {

    enum State { UP, DOWN, DEAD }

    static {
        // Without it the JDK server's separate header and body writes meet delayed ACKs: ~40 ms a call.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "test-service");
        thread.setDaemon(true);
        return thread;
    });
    private final List<String> hits = new ArrayList<>();
    private final CountDownLatch slowStarted = new CountDownLatch(1);
    private volatile State state = State.UP;

    TestService() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL, {@code http://127.0.0.1:PORT}. */
    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A URL where nothing listens: connections are refused at once. */
    static String deadUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/gone";
        }
    }

    void state(State newState) {
        state = newState;
    }

    /** The paths called so far, in order. */
    List<String> hits() {
        synchronized (hits) {
            return List.copyOf(hits);
        }
    }

    /** Waits until {@code /slow} is being served. */
    boolean awaitSlow() throws InterruptedException {
        return slowStarted.await(20, TimeUnit.SECONDS);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        synchronized (hits) {
            hits.add(path);
        }
        try (exchange) {
            switch (path) {
                case "/health" -> {
                    State now = state;
                    if (now == State.DEAD) {
                        return; // closed without a response
                    }
                    respond(exchange, now == State.UP ? 200 : 500, "application/json",
                            now == State.UP ? "{\"status\": \"ok\"}" : "{\"status\": \"down\"}");
                }
                case "/break" -> {
                    state = State.DOWN;
                    respond(exchange, 200, "text/plain", "broken");
                }
                case "/kill" -> {
                    state = State.DEAD;
                    respond(exchange, 200, "text/plain", "killed");
                }
                case "/heal" -> {
                    state = State.UP;
                    respond(exchange, 200, "text/plain", "healed");
                }
                case "/slow" -> {
                    slowStarted.countDown();
                    sleep(30_000);
                    respond(exchange, 200, "text/plain", "slow");
                }
                case "/sleep" -> {
                    String query = exchange.getRequestURI().getQuery();
                    sleep(Long.parseLong(query.substring(query.indexOf('=') + 1)));
                    respond(exchange, 200, "text/plain", "slept");
                }
                case "/echo" -> respond(exchange, 200, "text/plain",
                        "token=" + exchange.getRequestHeaders().getFirst("X-Token"));
                default -> respond(exchange, 200, "text/plain", "ok");
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
