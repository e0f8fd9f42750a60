package io.jenkins.plugins.reliably.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** querySli against a Prometheus stand-in on 127.0.0.1 that answers instant queries. */
class SliQueryTest {

    private static final String PASSWORD = "canary-prom-9d3e";

    private HttpServer prometheus;
    private final List<String> queries = new ArrayList<>();
    private final List<String> authorizations = new ArrayList<>();

    @TempDir
    Path workspace;

    @BeforeEach
    void startPrometheus() throws Exception {
        prometheus = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        prometheus.createContext("/api/v1/query", exchange -> {
            String query = URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
            synchronized (queries) {
                queries.add(query);
                authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            }
            String value = query.contains("errors") ? "0.25" : "123.5";
            byte[] body = ("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},"
                    + "\"value\":[1700000000,\"" + value + "\"]}]}}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        prometheus.start();
    }

    @AfterEach
    void stopPrometheus() {
        prometheus.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + prometheus.getAddress().getPort();
    }

    @Test
    void shouldQueryEveryIndicatorWithKeptnsPlaceholdersAndReturnKeptnValues() throws Exception {
        Files.writeString(workspace.resolve("sli.yaml"), """
                spec_version: "1.0"
                indicators:
                  response_time: histogram_quantile(0.95, rate(http_seconds_bucket{job="$SERVICE",build="$LABEL.buildId"}[$DURATION_SECONDS]))
                  errors: sum(rate(errors{project="$PROJECT",stage="$STAGE"}[$DURATION_SECONDS]))
                """);
        SliOptions options = SliOptions.builder().sli("sli.yaml").provider("prometheus").url(url()).duration("5m")
                .project(null, "shop/carts").stage("", "staging").service("carts")
                .labels(Map.of("buildId", "42"), null).build();
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        List<Map<String, Object>> values = new SliQuery(options, workspace.toString(),
                options.window(Instant.EPOCH, Instant.parse("2026-11-24T10:00:00Z")), "shop/carts#42",
                Map.of("username", "jenkins", "password", PASSWORD)).run(new PrintStream(console, true, StandardCharsets.UTF_8));

        assertThat(values).containsExactly(
                Map.of("metric", "response_time", "value", 123.5, "success", true, "message", ""),
                Map.of("metric", "errors", "value", 0.25, "success", true, "message", ""));
        assertThat(queries).hasSize(2);
        assertThat(queries).anySatisfy(q -> assertThat(q).contains("job=\"carts\"", "build=\"42\"", "[300s]",
                "time=2026-11-24T10:00:00Z"));
        assertThat(queries).anySatisfy(q -> assertThat(q).contains("project=\"shop/carts\"", "stage=\"staging\""));
        assertThat(authorizations).allMatch(a -> a.equals("Basic " + Base64.getEncoder()
                .encodeToString(("jenkins:" + PASSWORD).getBytes(StandardCharsets.UTF_8))));
        String printed = console.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("[reliably] response_time: 123.5", "[reliably] errors: 0.25").doesNotContain(PASSWORD);
    }

    @Test
    void shouldGiveTheSloFilterToTheQueriesAsKeptnDoes() throws Exception {
        SliOptions options = SliOptions.builder().sliText("indicators:\n  rt: rate(http{handler=\"$handler\"}[1m])\n")
                .provider("prometheus").url(url()).build().withFilters(Map.of("handler", "ItemsController.addToCart"));

        new SliQuery(options, null, options.window(Instant.parse("2026-11-24T09:00:00Z"), Instant.parse("2026-11-24T10:00:00Z")),
                "job#1", Map.of()).run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertThat(queries).singleElement().asString().contains("handler=\"ItemsController.addToCart\"");
    }

    @Test
    void shouldReturnAFailedValueWhenTheProviderIsDown() throws Exception {
        prometheus.stop(0);
        SliOptions options = SliOptions.builder().sliText("indicators:\n  up: up\n").provider("prometheus").url(url())
                .build();

        List<Map<String, Object>> values = new SliQuery(options, null,
                options.window(Instant.parse("2026-11-24T09:00:00Z"), Instant.parse("2026-11-24T10:00:00Z")), "job#1",
                Map.of()).run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertThat(values).hasSize(1);
        assertThat(values.get(0)).containsEntry("metric", "up").containsEntry("success", false);
        assertThat((String) values.get(0).get("message")).isNotBlank();
    }

    @Test
    void shouldRefuseFilesWithoutAWorkspace() {
        SliOptions options = SliOptions.builder().sli("sli.yaml").provider("prometheus").url(url()).build();

        assertThatThrownBy(() -> new SliQuery(options, null, options.window(Instant.EPOCH, Instant.now()), "job#1", Map.of())
                .run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidRunException.class)
                .hasMessage("sli: files need a workspace; run querySli inside node, or give sliText");
    }
}
