package io.reliably.engine.tolerance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.sun.net.httpserver.HttpExchange;
import io.reliably.engine.configuration.RunValues;
import io.reliably.engine.experiment.Activity;
import io.reliably.engine.experiment.Experiment;
import io.reliably.engine.provider.Cancellation;
import io.reliably.engine.provider.DocExamples;
import io.reliably.engine.provider.LocalHttpServer;
import io.reliably.engine.provider.Providers;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The documented tolerance examples against a real service: each kind met, each quirk not met. */
class ToleranceExamplesTest {

    private final Providers providers = new Providers();
    private final ToleranceCheck check = new ToleranceCheck(providers);

    private static void service(HttpExchange exchange) throws IOException {
        switch (exchange.getRequestURI().getPath()) {
            case "/health" -> LocalHttpServer.send(exchange, 200, "application/json",
                    "{\"status\": \"ok\", \"replicas\": [{\"name\": \"a\", \"ready\": true},"
                            + " {\"name\": \"b\", \"ready\": true}]}");
            case "/version" -> LocalHttpServer.send(exchange, 200, "text/plain", "v1.4.2");
            case "/created" -> LocalHttpServer.send(exchange, 201, "text/plain", "");
            case "/accepted" -> LocalHttpServer.send(exchange, 250, "text/plain", "");
            case "/validate" -> LocalHttpServer.send(exchange, 200, "text/plain", "fine");
            default -> LocalHttpServer.send(exchange, 404, "text/plain", "no such page");
        }
    }

    private Map<String, Boolean> check(String example, LocalHttpServer server) throws Exception {
        Experiment experiment = DocExamples.load(example);
        RunValues values = DocExamples.values(experiment, Map.of("base_url", TextNode.valueOf(server.url(""))));
        Map<String, Boolean> met = new LinkedHashMap<>();
        for (Activity probe : experiment.hypothesis().probes()) {
            Cancellation cancellation = new Cancellation();
            JsonNode output = providers.run(Providers.substitute(probe.provider(), values.substitution()), cancellation);
            met.put(probe.name(), check.isMet(probe.tolerance(), output, values.substitution(), cancellation));
        }
        return met;
    }

    @Test
    void shouldMeetEveryToleranceKindOfTheExample() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer(ToleranceExamplesTest::service)) {
            Map<String, Boolean> met = check("tolerance-kinds.json", server);

            assertThat(met).hasSize(9).doesNotContainValue(false);
            assertThat(server.received().stream().filter(r -> r.path().equals("/validate")).findFirst().orElseThrow()
                    .body()).startsWith("{\"check\": \"health\", \"value\": {\"status\": 200, ");
        }
    }

    @Test
    void shouldMeetNoneOfTheQuirks() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer(ToleranceExamplesTest::service)) {
            Map<String, Boolean> met = check("tolerance-quirks.json", server);

            assertThat(met).hasSize(5).doesNotContainValue(true);
        }
    }
}
