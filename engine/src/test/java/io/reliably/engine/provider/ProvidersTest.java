package io.reliably.engine.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.reliably.engine.configuration.RunValues;
import io.reliably.engine.experiment.Experiment;
import io.reliably.engine.experiment.HttpProvider;
import io.reliably.engine.experiment.ProcessProvider;
import io.reliably.engine.experiment.Provider;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documented examples, run through {@link Providers} as the runner runs them. */
class ProvidersTest {

    private final Providers providers = new Providers();

    private JsonNode run(Experiment experiment, RunValues values, String name) throws ActivityFailedException {
        Provider provider = DocExamples.activity(experiment, name).provider();
        return providers.run(Providers.substitute(provider, values.substitution()), new Cancellation());
    }

    @Test
    void shouldSubstituteEveryHttpField() throws Exception {
        Experiment experiment = DocExamples.load("providers-http.json");
        RunValues values = DocExamples.values(experiment, Map.of("base_url", TextNode.valueOf("http://shop")));

        HttpProvider substituted = (HttpProvider) Providers.substitute(
                DocExamples.activity(experiment, "order-with-json-body").provider(), values.substitution());

        assertThat(substituted.url().textValue()).isEqualTo("http://shop/orders");
        assertThat(substituted.headers().get("Authorization").textValue()).isEqualTo("Bearer s3cr3t-t0ken");
        assertThat(substituted.timeout().toString()).isEqualTo("[2,10]");
    }

    @Test
    void shouldSubstituteProcessArguments() throws Exception {
        Experiment experiment = DocExamples.load("providers-process.json");
        RunValues values = DocExamples.values(experiment, Map.of("greeting", TextNode.valueOf("hi")));

        ProcessProvider substituted = (ProcessProvider) Providers.substitute(
                DocExamples.activity(experiment, "list-arguments").provider(), values.substitution());

        assertThat(substituted.arguments().toString()).isEqualTo("[\"hi\",\"world\"]");
        assertThat(substituted.path()).isEqualTo("echo");
    }

    @Test
    void shouldRunTheDocumentedHttpExamples(@TempDir Path dir) throws Exception {
        HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(SelfSignedTls.serverContext(dir)));
        try (LocalHttpServer server = new LocalHttpServer(LocalHttpServer.answer(200, "text/plain", "ok"));
                LocalHttpServer secure = new LocalHttpServer(https, LocalHttpServer.answer(200, "text/plain", "ok"))) {
            Experiment experiment = DocExamples.load("providers-http.json");
            RunValues values = DocExamples.values(experiment, Map.of(
                    "base_url", TextNode.valueOf(server.url("")), "secure_url", TextNode.valueOf(secure.url(""))));

            run(experiment, values, "search-with-query-string");
            assertThat(server.last().rawQuery()).isEqualTo("page=2&q=chaos+engineering&tag=a&tag=b");

            run(experiment, values, "order-with-json-body");
            assertThat(server.last().body()).isEqualTo("{\"item\": \"book\", \"quantity\": 2}");
            assertThat(server.last().header("Authorization")).isEqualTo("Bearer s3cr3t-t0ken");

            run(experiment, values, "settings-with-form-body");
            assertThat(server.last().method()).isEqualTo("PUT");
            assertThat(server.last().body()).isEqualTo("mode=safe&level=3");

            JsonNode health = run(experiment, values, "self-signed-health");
            assertThat(health.get("status").intValue()).isEqualTo(200);
            assertThat(secure.last().path()).isEqualTo("/health");
        }
    }

    @Test
    void shouldRunTheDocumentedProcessExamples() throws Exception {
        Experiment experiment = DocExamples.load("providers-process.json");
        RunValues values = DocExamples.values(experiment, Map.of());

        assertThat(run(experiment, values, "list-arguments").get("stdout").textValue()).isEqualTo("hello world\n");
        assertThat(run(experiment, values, "object-arguments").get("stdout").textValue())
                .isEqualTo("--namespace default --replicas 3\n");
        assertThat(run(experiment, values, "string-arguments-run-by-the-shell").get("stdout").textValue())
                .isEqualTo("ONE TWO\n");
        JsonNode deploy = run(experiment, values, "environment-and-timeout");
        assertThat(deploy.get("stdout").textValue()).isEqualTo("deploying to staging\n");
        assertThat(deploy.get("status").intValue()).isEqualTo(3);
    }
}
