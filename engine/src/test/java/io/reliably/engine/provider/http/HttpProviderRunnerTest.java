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
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpProviderRunnerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpProviderRunner runner = new HttpProviderRunner();

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
        https.setHttpsConfigurator(new HttpsConfigurator(selfSigned(dir)));
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
        https.setHttpsConfigurator(new HttpsConfigurator(selfSigned(dir)));
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
            Cancellation cancellation = new Cancellation();
            Thread stopper = new Thread(() -> {
                sleep(200);
                cancellation.cancel("stopped by the user");
            });
            long start = System.nanoTime();
            stopper.start();

            assertThatThrownBy(() -> runner.run(get(server.url("/slow")), cancellation))
                    .isInstanceOf(ActivityFailedException.class)
                    .hasMessage("interrupted: stopped by the user");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5_000);
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

    /** A self-signed certificate for 127.0.0.1, made by the JDK's keytool. */
    static SSLContext selfSigned(Path dir) throws Exception {
        Path store = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        byte[] log = keytool.getInputStream().readAllBytes();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(log)).isZero();
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }
}
