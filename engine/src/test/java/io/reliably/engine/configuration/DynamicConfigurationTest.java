package io.reliably.engine.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpServer;
import io.reliably.engine.loader.ExperimentLoader;
import io.reliably.engine.provider.Providers;
import io.reliably.engine.secret.SecretResolver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Dynamic configuration ({"type": "probe"}) run against a real HTTP server and real processes. */
class DynamicConfigurationTest {

    private HttpServer server;
    private String base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/token", exchange -> {
            byte[] body = ("{\"token\": \"abc\", \"auth\": \"" + exchange.getRequestHeaders().getFirst("Authorization")
                    + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void shouldStoreTheHttpBodyAndTheStrippedStdoutSeeingEarlierKeysAndSecrets() throws Exception {
        var experiment = new ExperimentLoader().parse("dynamic.json", """
                {"title": "t", "description": "d", "method": [],
                 "secrets": {"api": {"key": "k-1"}},
                 "configuration": {
                   "base": "%s",
                   "session": {"type": "probe", "name": "get-session",
                     "provider": {"type": "http", "url": "${base}/token", "headers": {"Authorization": "${key}"},
                                  "timeout": 10}},
                   "region": {"type": "probe", "name": "get-region",
                     "provider": {"type": "process", "path": "echo", "arguments": ["  eu-west-1  "], "timeout": 10}}
                 }}""".formatted(base));
        RunValuesResolver resolver = new RunValuesResolver(Map.of(), SecretResolver.NONE, new Providers());

        RunValues values = resolver.resolve(experiment, Map.of());

        assertThat(values.configuration().get("session"))
                .isEqualTo(new ObjectMapper().readTree("{\"token\": \"abc\", \"auth\": \"k-1\"}"));
        assertThat(values.configuration().get("region")).isEqualTo(JsonNodeFactory.instance.textNode("eu-west-1"));
        assertThat(values.substitution().apply("${region}")).isEqualTo("eu-west-1");
        assertThat(resolver.warnings()).isEmpty();
    }

    @Test
    void shouldWarnAndLeaveOutAKeyWhoseProbeFails() throws Exception {
        server.stop(0);
        var experiment = new ExperimentLoader().parse("dynamic.json", """
                {"title": "t", "description": "d", "method": [],
                 "secrets": {"api": {"password": "hunter2-secret"}},
                 "configuration": {
                   "down": {"type": "probe", "name": "server-down",
                     "provider": {"type": "http", "url": "%s/token", "timeout": 5}},
                   "exits": {"type": "probe", "name": "exits-one",
                     "provider": {"type": "process", "path": "sh",
                                  "arguments": ["-c", "echo no luck with ${password} >&2; exit 3"], "timeout": 10}},
                   "kept": 1
                 }}""".formatted(base));
        RunValuesResolver resolver = new RunValuesResolver(Map.of(), SecretResolver.NONE, new Providers());

        RunValues values = resolver.resolve(experiment, Map.of());

        assertThat(values.configuration()).containsOnlyKeys("kept");
        assertThat(resolver.warnings()).hasSize(2);
        assertThat(resolver.warnings().get(0)).startsWith("configuration.down: the dynamic configuration probe"
                + " 'server-down' failed, so the key is left out");
        assertThat(resolver.warnings().get(1)).isEqualTo("configuration.exits: the dynamic configuration probe"
                + " 'exits-one' exited with status 3: no luck with ***");
    }
}
