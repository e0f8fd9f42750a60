package io.reliably.engine.provider.http;

import static io.reliably.engine.provider.LocalHttpServer.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.reliably.engine.experiment.HttpProvider;
import io.reliably.engine.provider.ActivityFailedException;
import io.reliably.engine.provider.Cancellation;
import io.reliably.engine.provider.LocalHttpServer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The http provider on {@code HttpURLConnection}, as in the command line; the JDK client sends what it
 * cannot. Besides the contract: the server sees the same request from both transports.
 */
class HttpProviderRunnerOnUrlConnectionTest extends HttpProviderRunnerContract {

    /**
     * Headers each client sets its own way; everything else must be identical on the wire, except the
     * {@code Content-Length: 0} Java 17's client adds to a request without a body (JDK-8283544).
     */
    private static final Set<String> CLIENT_OWN = Set.of("User-agent", "Connection", "Host");

    @Override
    HttpTransport transport() {
        return new UrlConnectionTransport();
    }

    @Test
    void shouldPutOnTheWireWhatTheJdkClientPuts() throws Exception {
        HttpProvider[] providers = {
            get("/plain"),
            provider("/q?x=1", "GET", "{\"Accept\": \"text/plain\", \"X-Token\": \"t\"}", "{\"a\": [1, 2]}", null),
            provider("/json", "POST", "{\"Content-Type\": \"application/json\"}", "{\"b\": null}", "[2, 3]"),
            provider("/form", "PUT", null, "{\"c\": \"d e\"}", null),
            provider("/x", "DELETE", null, null, null),
            provider("/x", "OPTIONS", null, null, null),
        };
        try (LocalHttpServer server = new LocalHttpServer(answer(200, "text/plain", "ok"))) {
            HttpProviderRunner jdk = new HttpProviderRunner(new JdkHttpTransport());
            for (HttpProvider relative : providers) {
                HttpProvider provider = new HttpProvider(
                        json("\"" + server.url(relative.url().textValue()) + "\""), relative.method(),
                        relative.headers(), relative.arguments(), relative.timeout(), true, 0, relative.secrets());
                assertThat(new UrlConnectionTransport().canSend(RequestFactory.request(provider,
                        provider.url().textValue(), provider.url().textValue(), provider.method(),
                        HttpTimeout.DEFAULT))).as(provider.method() + " " + provider.url()).isTrue();

                jdk.run(provider, new Cancellation());
                LocalHttpServer.Received byJdk = server.last();
                runner.run(provider, new Cancellation());
                LocalHttpServer.Received byUrlConnection = server.last();

                assertThat(byUrlConnection.method()).isEqualTo(byJdk.method());
                assertThat(byUrlConnection.path()).isEqualTo(byJdk.path());
                assertThat(byUrlConnection.rawQuery()).isEqualTo(byJdk.rawQuery());
                assertThat(byUrlConnection.body()).isEqualTo(byJdk.body());
                assertThat(comparable(byUrlConnection.headers())).as(provider.method() + " " + provider.url())
                        .isEqualTo(comparable(byJdk.headers()));
            }
        }
    }

    @Test
    void shouldAbortASlowCallOnAKeptAliveConnectionWhenCancelled() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer(exchange -> {
            if (exchange.getRequestURI().getPath().equals("/slow")) {
                sleep(30_000);
            }
            LocalHttpServer.send(exchange, 200, "text/plain", "ok");
        })) {
            runner.run(get(server.url("/fast")), new Cancellation()); // the connection now stays open
            assertStoppedAtOnce(cancellation -> runner.run(get(server.url("/slow")), cancellation));

            JsonNode after = runner.run(get(server.url("/fast")), new Cancellation());
            assertThat(after.get("body").textValue()).isEqualTo("ok");
        }
    }

    @Test
    void shouldTimeOutASlowCallOnAKeptAliveConnection() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer(exchange -> {
            if (exchange.getRequestURI().getPath().equals("/slow")) {
                sleep(3_000);
            }
            LocalHttpServer.send(exchange, 200, "text/plain", "ok");
        })) {
            runner.run(get(server.url("/fast")), new Cancellation());

            assertThatThrownBy(() -> runner.run(provider(server.url("/slow"), "GET", null, null, "0.3"),
                    new Cancellation()))
                    .isInstanceOf(ActivityFailedException.class)
                    .hasMessageContaining("took too long");
        }
    }

    private static Map<String, Object> comparable(Map<String, java.util.List<String>> headers) {
        return headers.entrySet().stream()
                .filter(e -> !CLIENT_OWN.contains(e.getKey()))
                .filter(e -> !(e.getKey().equals("Content-length") && e.getValue().equals(List.of("0"))))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }
}
