package io.reliably.engine.provider.http;

import static io.reliably.engine.provider.LocalHttpServer.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.reliably.engine.experiment.HttpProvider;
import io.reliably.engine.provider.ActivityFailedException;
import io.reliably.engine.provider.Cancellation;
import io.reliably.engine.provider.LocalHttpServer;
import io.reliably.engine.provider.SelfSignedTls;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an http provider does, whichever {@link HttpTransport} sends it: each subclass runs every test
 * here on its transport.
 */
abstract class HttpProviderRunnerContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The transport under test, new for each test. */
    abstract HttpTransport transport();

    final HttpProviderRunner runner = new HttpProviderRunner(transport());

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static HttpProvider provider(String url, String method, String headers, String arguments, String timeout) {
        return new HttpProvider(JSON.getNodeFactory().textNode(url), method,
                headers == null ? null : json(headers), arguments == null ? null : json(arguments),
                timeout == null ? null : json(timeout), true, 0, List.of());
    }

    static HttpProvider get(String url) {
        return provider(url, "GET", null, null, null);
    }

    @Test
    void shouldReturnStatusHeadersAndTextBody() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer(exchange -> {
            exchange.getResponseHeaders().add("X-Colour", "blue");
            LocalHttpServer.send(exchange, 200, "text/plain; charset=utf-8", "hello");
        })) {
            JsonNode output = runner.run(get(server.url("/hello")), new Cancellation());

            assertThat(output.get("status").intValue()).isEqualTo(200);
            assertThat(output.get("body").textValue()).isEqualTo("hello");
            assertThat(output.get("headers").get("X-Colour").textValue()).isEqualTo("blue");
            assertThat(server.last().method()).isEqualTo("GET");
            assertThat(server.last().path()).isEqualTo("/hello");
        }
    }

    @Test
    void shouldNotFailOnAnErrorStatus() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer(answer(503, "text/plain", "down"))) {
            JsonNode output = runner.run(get(server.url("/")), new Cancellation());

            assertThat(output.get("status").intValue()).isEqualTo(503);
            assertThat(output.get("body").textValue()).isEqualTo("down");
        }
    }

    @Test
    void shouldParseTheBodyWhenTheContentTypeIsExactlyApplicationJson() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer(answer(200, "application/json", "{\"up\": true}"))) {
            JsonNode output = runner.run(get(server.url("/")), new Cancellation());

            assertThat(output.get("body").isObject()).isTrue();
            assertThat(output.get("body").get("up").booleanValue()).isTrue();
        }
    }

    @Test
    void shouldKeepTheBodyAsTextWhenTheContentTypeHasACharset() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer(
                answer(200, "application/json; charset=utf-8", "{\"up\": true}"))) {
            JsonNode output = runner.run(get(server.url("/")), new Cancellation());

            assertThat(output.get("body").isTextual()).isTrue();
            assertThat(output.get("body").textValue()).isEqualTo("{\"up\": true}");
        }
    }

    @Test
    void shouldFailWhenAJsonResponseIsNotJson() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer(answer(200, "application/json", "not json"))) {
            assertThatThrownBy(() -> runner.run(get(server.url("/")), new Cancellation()))
                    .isInstanceOf(ActivityFailedException.class)
                    .hasMessageContaining("says application/json but its body is not valid JSON");
        }
    }

    @Test
    void shouldGiveAnEmptyTextForAnEmptyJsonResponse() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer(answer(204, "application/json", ""))) {
            JsonNode output = runner.run(provider(server.url("/"), "DELETE", null, null, null), new Cancellation());

            assertThat(output.get("status").intValue()).isEqualTo(204);
            assertThat(output.get("body").textValue()).isEmpty();
        }
    }

    @Test
    void shouldDecodeTextWithoutCharsetAsLatin1LikeRequests() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer(answer(200, "text/plain", "é"))) {
            JsonNode output = runner.run(get(server.url("/")), new Cancellation());

            assertThat(output.get("body").textValue()).isEqualTo("Ã©");
        }
    }

    @Test
    void shouldSendGetArgumentsAsTheQueryStringAfterTheUrlsOwnQuery() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer(answer(200, "text/plain", ""))) {
            runner.run(provider(server.url("/search?page=2"), "GET", null,
                    "{\"q\": \"a b&c\", \"tag\": [\"x\", \"y\"], \"skip\": null, \"on\": true, \"n\": 1.5}", null),
                    new Cancellation());

            assertThat(server.last().rawQuery()).isEqualTo("page=2&q=a+b%26c&tag=x&tag=y&on=True&n=1.5");
            assertThat(server.last().body()).isEmpty();
        }
    }

    @Test
    void shouldSendAJsonBodyWhenTheContentTypeHeaderIsExactlyApplicationJson() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer(answer(200, "text/plain", "ok"))) {
            runner.run(provider(server.url("/"), "POST", "{\"Content-Type\": \"application/json\"}",
                    "{\"name\": \"café\", \"n\": [1, 2]}", null), new Cancellation());

            assertThat(server.last().method()).isEqualTo("POST");
            assertThat(server.last().body()).isEqualTo("{\"name\": \"caf\\u00e9\", \"n\": [1, 2]}");
            assertThat(server.last().header("Content-type")).isEqualTo("application/json");
        }
    }

    @Test
    void shouldSendAFormBodyOtherwise() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer(answer(200, "text/plain", "ok"))) {
            runner.run(provider(server.url("/"), "put", null, "{\"name\": \"a b\", \"n\": 3}", null),
                    new Cancellation());

            assertThat(server.last().method()).isEqualTo("PUT");
            assertThat(server.last().body()).isEqualTo("name=a+b&n=3");
            assertThat(server.last().header("Content-type")).isEqualTo("application/x-www-form-urlencoded");
        }
    }

    @Test
    void shouldSendAFormBodyWhenTheContentTypeHeaderIsSpelledInLowerCase() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer(answer(200, "text/plain", "ok"))) {
            runner.run(provider(server.url("/"), "POST", "{\"content-type\": \"application/json\"}",
                    "{\"a\": 1}", null), new Cancellation());

            assertThat(server.last().body()).isEqualTo("a=1");
            assertThat(server.last().header("Content-type")).isEqualTo("application/json");
        }
    }

    @Test
    void shouldSendAStringArgumentAsTheBodyAsItIs() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer(answer(200, "text/plain", "ok"))) {
            runner.run(provider(server.url("/"), "POST", "{\"Content-Type\": \"text/plain\"}",
                    "\"raw text\"", null), new Cancellation());

            assertThat(server.last().body()).isEqualTo("raw text");
            assertThat(server.last().header("Content-type")).isEqualTo("text/plain");
        }
    }

    @Test
    void shouldSendTheHeaders() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer(answer(200, "text/plain", "ok"))) {
            runner.run(provider(server.url("/"), "GET", "{\"Authorization\": \"Bearer t\", \"X-Count\": 3}",
                    null, null), new Cancellation());

            assertThat(server.last().header("Authorization")).isEqualTo("Bearer t");
            assertThat(server.last().header("X-count")).isEqualTo("3");
            assertThat(server.last().header("Accept")).isEqualTo("*/*");
        }
    }

    @Test
    void shouldTurnCredentialsInTheUrlIntoBasicAuthentication() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer(answer(200, "text/plain", "ok"))) {
            String url = server.url("/private?x=1").replace("http://", "http://admin:p%40ss@");

            runner.run(get(url), new Cancellation());

            assertThat(server.last().header("Authorization")).isEqualTo("Basic YWRtaW46cEBzcw==");
            assertThat(server.last().path()).isEqualTo("/private");
            assertThat(server.last().rawQuery()).isEqualTo("x=1");
        }
    }

    @Test
    void shouldFailWithoutHeaderValuesWhenAHeaderCannotBeSent() {
        HttpProvider provider = provider("http://127.0.0.1:1/", "GET", "{\"Host\": \"secret-host\"}", null, null);

        assertThatThrownBy(() -> runner.run(provider, new Cancellation()))
                .isInstanceOf(ActivityFailedException.class)
                .hasMessageContaining("header 'Host'")
                .hasMessageNotContaining("secret-host");
    }

    @Test
    void shouldFailWhenTheResponseTakesLongerThanTheTimeout() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer(exchange -> {
            sleep(3000);
            LocalHttpServer.send(exchange, 200, "text/plain", "late");
        })) {
            long start = System.nanoTime();

            assertThatThrownBy(() -> runner.run(provider(server.url("/"), "GET", null, null, "0.3"),
                    new Cancellation()))
                    .isInstanceOf(ActivityFailedException.class)
                    .hasMessageContaining("took too long")
                    .hasMessageContaining(server.url("/"));
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2900);
        }
    }

    @Test
    void shouldFailWhenTheBodyStallsAfterTheHeaders() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer(exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, 100);
            exchange.getResponseBody().write("the first bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            sleep(10_000);
        })) {
            long start = System.nanoTime();

            assertThatThrownBy(() -> runner.run(provider(server.url("/"), "GET", null, null, "0.5"),
                    new Cancellation()))
                    .isInstanceOf(ActivityFailedException.class)
                    .hasMessageContaining("took too long")
                    .hasMessageContaining(server.url("/"));
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5_000);
            assertThat(Thread.currentThread().isInterrupted()).isFalse();
        }
    }

    @Test
    void shouldReadASlowButSteadyBodyLongerThanTheTimeout() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer(exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, 0);
            for (int i = 0; i < 8; i++) {
                exchange.getResponseBody().write('a');
                exchange.getResponseBody().flush();
                sleep(150);
            }
            exchange.getResponseBody().close();
        })) {
            JsonNode output = runner.run(provider(server.url("/"), "GET", null, null, "0.6"), new Cancellation());

            assertThat(output.get("body").textValue()).isEqualTo("aaaaaaaa");
        }
    }

    @Test
    void shouldUseTheReadPartOfAConnectReadPair() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer(exchange -> {
            sleep(3000);
            LocalHttpServer.send(exchange, 200, "text/plain", "late");
        })) {
            assertThatThrownBy(() -> runner.run(provider(server.url("/"), "GET", null, null, "[5, 0.3]"),
                    new Cancellation()))
                    .isInstanceOf(ActivityFailedException.class)
                    .hasMessageContaining("took too long");
        }
    }

    @Test
    void shouldAnswerWithinATimeoutPair() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer(answer(200, "text/plain", "ok"))) {
            JsonNode output = runner.run(provider(server.url("/"), "GET", null, null, "[2, 5]"), new Cancellation());

            assertThat(output.get("status").intValue()).isEqualTo(200);
        }
    }

    @Test
    void shouldRefuseATimeoutThatIsNotANumber() {
        assertThatThrownBy(() -> runner.run(provider("http://127.0.0.1:1/", "GET", null, null, "\"soon\""),
                new Cancellation()))
                .isInstanceOf(ActivityFailedException.class)
                .hasMessageContaining("timeout must be a number of seconds or a [connect, read] pair");
    }

    @Test
    void shouldFailOnARefusedConnection() throws Exception {
        int port = freePort();
        String url = "http://127.0.0.1:" + port + "/";

        assertThatThrownBy(() -> runner.run(get(url), new Cancellation()))
                .isInstanceOf(ActivityFailedException.class)
                .hasMessage("failed to connect to " + url + ": connection refused");
    }

    @Test
    void shouldKeepCredentialsOfTheUrlOutOfMessages() throws Exception {
        int port = freePort();

        assertThatThrownBy(() -> runner.run(get("http://admin:hunter2@127.0.0.1:" + port + "/x"), new Cancellation()))
                .isInstanceOf(ActivityFailedException.class)
                .hasMessage("failed to connect to http://127.0.0.1:" + port + "/x: connection refused");
    }

    @Test
    void shouldRetryARefusedConnectionUpToMaxRetries() throws Exception {
        int port = freePort();
        AtomicReference<LocalHttpServer> server = new AtomicReference<>();
        Thread starter = new Thread(() -> {
            sleep(300);
            try {
                server.set(new LocalHttpServer(com.sun.net.httpserver.HttpServer.create(
                        new InetSocketAddress("127.0.0.1", port), 0), answer(200, "text/plain", "up")));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        HttpProvider provider = new HttpProvider(JSON.getNodeFactory().textNode("http://127.0.0.1:" + port + "/"),
                "GET", null, null, null, true, 10_000_000, List.of());
        starter.start();
        try {
            JsonNode output = runner.run(provider, new Cancellation());

            assertThat(output.get("body").textValue()).isEqualTo("up");
        } finally {
            starter.join(10_000);
            if (server.get() != null) {
                server.get().close();
            }
        }
    }

    @Test
    void shouldGiveUpAfterMaxRetries() throws Exception {
        int port = freePort();
        HttpProvider provider = new HttpProvider(JSON.getNodeFactory().textNode("http://127.0.0.1:" + port + "/"),
                "GET", null, null, null, true, 3, List.of());

        assertThatThrownBy(() -> runner.run(provider, new Cancellation()))
                .isInstanceOf(ActivityFailedException.class)
                .hasMessageContaining("connection refused");
    }

    @Test
    void shouldAcceptASelfSignedCertificateWhenVerifyTlsIsFalse(@TempDir Path dir) throws Exception {
        HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(SelfSignedTls.serverContext(dir)));
        try (LocalHttpServer server = new LocalHttpServer(https, answer(200, "text/plain", "secure"))) {
            HttpProvider provider = new HttpProvider(JSON.getNodeFactory().textNode(server.url("/")),
                    "GET", null, null, null, false, 0, List.of());

            JsonNode output = runner.run(provider, new Cancellation());

            assertThat(output.get("body").textValue()).isEqualTo("secure");
        }
    }

    @Test
    void shouldRefuseASelfSignedCertificateByDefault(@TempDir Path dir) throws Exception {
        HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(SelfSignedTls.serverContext(dir)));
        try (LocalHttpServer server = new LocalHttpServer(https, answer(200, "text/plain", "secure"))) {
            assertThatThrownBy(() -> runner.run(get(server.url("/")), new Cancellation()))
                    .isInstanceOf(ActivityFailedException.class)
                    .hasMessageContaining("failed to connect to " + server.url("/"))
                    .hasMessageContaining("TLS");
        }
    }

    @Test
    void shouldAbortASlowCallWhenCancelled() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer(exchange -> {
            sleep(30_000);
            LocalHttpServer.send(exchange, 200, "text/plain", "late");
        })) {
            assertStoppedAtOnce(cancellation -> runner.run(get(server.url("/slow")), cancellation));
        }
    }

    @Test
    void shouldLeaveTheCallingThreadUninterruptedAfterACancellation() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer(exchange -> {
            sleep(30_000);
            LocalHttpServer.send(exchange, 200, "text/plain", "late");
        })) {
            Cancellation cancellation = new Cancellation();
            Thread stopper = new Thread(() -> {
                sleep(200);
                cancellation.cancel("stop");
            });
            stopper.start();

            assertThatThrownBy(() -> runner.run(get(server.url("/slow")), cancellation))
                    .hasMessage("interrupted: stop");
            assertThat(Thread.currentThread().isInterrupted()).isFalse();
            stopper.join(5_000);
        }
    }

    @Test
    void shouldNotStartWhenAlreadyCancelled() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer(answer(200, "text/plain", "ok"))) {
            Cancellation cancellation = new Cancellation();
            cancellation.cancel("too late");

            assertThatThrownBy(() -> runner.run(get(server.url("/")), cancellation))
                    .hasMessage("interrupted: too late");
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void shouldRefuseAUrlWithoutHttpScheme() {
        assertThatThrownBy(() -> runner.run(get("ftp://example.org/file"), new Cancellation()))
                .isInstanceOf(ActivityFailedException.class)
                .hasMessage("invalid url ftp://example.org/file: the scheme must be http or https");
    }

    @Test
    void shouldSendAPatchWithItsBody() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer(answer(200, "text/plain", "ok"))) {
            JsonNode output = runner.run(provider(server.url("/item"), "patch", null, "{\"n\": 1}", null),
                    new Cancellation());

            assertThat(output.get("status").intValue()).isEqualTo(200);
            assertThat(server.last().method()).isEqualTo("PATCH");
            assertThat(server.last().body()).isEqualTo("n=1");
        }
    }

    @Test
    void shouldSendAHeadAndGiveAnEmptyBody() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer(exchange -> {
            exchange.getResponseHeaders().add("X-Up", "yes");
            exchange.sendResponseHeaders(200, -1);
        })) {
            JsonNode output = runner.run(provider(server.url("/"), "HEAD", null, null, null), new Cancellation());

            assertThat(server.last().method()).isEqualTo("HEAD");
            assertThat(output.get("headers").get("X-Up").textValue()).isEqualTo("yes");
            assertThat(output.get("body").textValue()).isEmpty();
        }
    }

    @Test
    void shouldSendAPostWithoutArguments() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer(answer(201, "text/plain", "made"))) {
            JsonNode output = runner.run(provider(server.url("/jobs"), "POST", null, null, null), new Cancellation());

            assertThat(output.get("status").intValue()).isEqualTo(201);
            assertThat(server.last().method()).isEqualTo("POST");
            assertThat(server.last().body()).isEmpty();
        }
    }

    @Test
    void shouldSendAStringBodyWithoutAContentTypeAsItIs() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer(answer(200, "text/plain", "ok"))) {
            runner.run(provider(server.url("/"), "POST", null, "\"raw\"", null), new Cancellation());

            assertThat(server.last().body()).isEqualTo("raw");
            assertThat(server.last().header("Content-type")).isNull();
        }
    }

    @Test
    void shouldJoinRepeatedResponseHeadersLikeRequests() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer(exchange -> {
            exchange.getResponseHeaders().add("X-Tag", "a");
            exchange.getResponseHeaders().add("X-Tag", "b");
            LocalHttpServer.send(exchange, 200, "text/plain", "ok");
        })) {
            JsonNode output = runner.run(get(server.url("/")), new Cancellation());

            assertThat(output.get("headers").get("X-Tag").textValue()).isEqualTo("a, b");
            assertThat(output.get("headers").get("Content-Type").textValue()).isEqualTo("text/plain");
        }
    }

    @Test
    void shouldFollowARedirectOfAPostAsAGet() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer(exchange -> {
            if (exchange.getRequestURI().getPath().equals("/old")) {
                exchange.getResponseHeaders().add("Location", "/new?from=old");
                exchange.sendResponseHeaders(302, -1);
            } else {
                LocalHttpServer.send(exchange, 200, "text/plain", "moved here");
            }
        })) {
            JsonNode output = runner.run(provider(server.url("/old"), "POST", null, "{\"a\": 1}", null),
                    new Cancellation());

            assertThat(output.get("status").intValue()).isEqualTo(200);
            assertThat(output.get("body").textValue()).isEqualTo("moved here");
            assertThat(server.received()).extracting(LocalHttpServer.Received::method).containsExactly("POST", "GET");
            assertThat(server.last().rawQuery()).isEqualTo("from=old");
            assertThat(server.last().body()).isEmpty();
        }
    }

    @Test
    void shouldKeepTheMethodAndBodyOnA307Redirect() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer(exchange -> {
            if (exchange.getRequestURI().getPath().equals("/old")) {
                exchange.getResponseHeaders().add("Location", server(exchange) + "/new");
                exchange.sendResponseHeaders(307, -1);
            } else {
                LocalHttpServer.send(exchange, 200, "text/plain", "ok");
            }
        })) {
            runner.run(provider(server.url("/old"), "PUT", null, "{\"a\": 1}", null), new Cancellation());

            assertThat(server.received()).extracting(LocalHttpServer.Received::method).containsExactly("PUT", "PUT");
            assertThat(server.last().path()).isEqualTo("/new");
            assertThat(server.last().body()).isEqualTo("a=1");
        }
    }

    @Test
    void shouldGiveTheLastRedirectAfterFiveRequests() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer(exchange -> {
            exchange.getResponseHeaders().add("Location", "/again");
            exchange.sendResponseHeaders(302, -1);
        })) {
            JsonNode output = runner.run(get(server.url("/loop")), new Cancellation());

            assertThat(output.get("status").intValue()).isEqualTo(302);
            assertThat(server.received()).hasSize(5);
        }
    }

    @Test
    void shouldAbortAConnectionThatIsNotAcceptedWhenCancelled() throws Exception {
        try (ServerSocket full = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                BacklogFiller filler = new BacklogFiller(full)) {
            assertStoppedAtOnce(cancellation -> runner.run(provider("http://127.0.0.1:" + full.getLocalPort() + "/",
                    "GET", null, null, "[20, 20]"), cancellation));
        }
    }

    /** A call that a stop 0.2 s after its start must end within seconds, as interrupted, on this thread. */
    interface StoppableCall {
        void run(Cancellation cancellation) throws Exception;
    }

    static void assertStoppedAtOnce(StoppableCall call) throws InterruptedException {
        Cancellation cancellation = new Cancellation();
        Thread stopper = new Thread(() -> {
            sleep(200);
            cancellation.cancel("stopped by the user");
        });
        long start = System.nanoTime();
        stopper.start();

        assertThatThrownBy(() -> call.run(cancellation))
                .isInstanceOf(ActivityFailedException.class)
                .hasMessage("interrupted: stopped by the user");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5_000);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        stopper.join(5_000);
    }

    /** Connections that fill a listening socket's queue, so that the next connect waits unanswered. */
    private static final class BacklogFiller implements AutoCloseable {

        private final List<java.net.Socket> sockets = new java.util.ArrayList<>();

        BacklogFiller(ServerSocket server) throws IOException {
            for (int i = 0; i < 16; i++) {
                java.net.Socket socket = new java.net.Socket();
                try {
                    socket.connect(server.getLocalSocketAddress(), 200);
                    sockets.add(socket);
                } catch (java.net.SocketTimeoutException e) {
                    socket.close();
                    return; // the queue is full
                }
            }
            throw new IllegalStateException("the listening socket's queue never filled up");
        }

        @Override
        public void close() throws IOException {
            for (java.net.Socket socket : sockets) {
                socket.close();
            }
        }
    }

    private static String server(com.sun.net.httpserver.HttpExchange exchange) {
        return "http://127.0.0.1:" + exchange.getLocalAddress().getPort();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
