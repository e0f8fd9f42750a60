package io.reliably.cli;

import io.reliably.engine.sli.IndicatorQuerySettings;
import io.reliably.engine.sli.IndicatorValue;
import io.reliably.engine.sli.InvalidSliException;
import io.reliably.engine.sli.KeptnContext;
import io.reliably.engine.sli.QueryWindow;
import io.reliably.engine.sli.SecretStore;
import io.reliably.engine.sli.VersionInfo;
import io.reliably.engine.sli.request.SliRequest;
import io.reliably.engine.slo.ComparisonBasis;
import io.reliably.engine.slo.Evaluation;
import io.reliably.engine.slo.Gate;
import io.reliably.engine.slo.InvalidSloException;
import io.reliably.engine.slo.SliValues;
import io.reliably.engine.slo.SloLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The demo's second half: queries the sample service's indicators over the run's window with the
 * bundled Iter8-style definitions ({@code docs/examples/demo-metrics.yaml}) and evaluates the bundled
 * objectives ({@code docs/examples/demo-slo.yaml}), through the same engine calls as
 * {@code reliably sli} and {@code reliably gate}.
 */
final class DemoGate {

    static final String METRICS_RESOURCE = "demo-metrics.yaml";
    static final String SLO_RESOURCE = "demo-slo.yaml";

    /** What the gate found. */
    record Outcome(List<IndicatorValue> indicators, Evaluation evaluation) { }

    Outcome evaluate(String serviceUrl, Instant start, Instant end) throws IOException {
        Path dir = Files.createTempDirectory("reliably-demo");
        try {
            Path metrics = copy(METRICS_RESOURCE, dir);
            Path slo = copy(SLO_RESOURCE, dir);
            SliRequest request = new SliRequest(null, null, serviceUrl, List.of(metrics), List.of(),
                    new QueryWindow(start, end), VersionInfo.NONE, KeptnContext.NONE, SecretStore.NONE, METRICS_RESOURCE);
            List<IndicatorValue> values = request.query(IndicatorQuerySettings.DEFAULT);
            Evaluation evaluation = new Gate().evaluate(new SloLoader().load(slo),
                    SliValues.of(values).during(start.toString(), end.toString()), ComparisonBasis.none());
            return new Outcome(values, evaluation);
        } catch (InvalidSliException | InvalidSloException e) {
            // The bundled files are tested; reaching this is a packaging defect, not a user error.
            throw new IOException("the bundled demo indicators or objectives are invalid: " + e.getMessage(), e);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static Path copy(String resource, Path dir) throws IOException {
        try (InputStream in = DemoGate.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("the bundled " + resource + " is missing from the jar");
            }
            Path file = dir.resolve(resource);
            Files.copy(in, file);
            return file;
        }
    }
}
