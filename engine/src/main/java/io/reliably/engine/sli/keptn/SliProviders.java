package io.reliably.engine.sli.keptn;

import io.reliably.engine.sli.InvalidSliException;
import io.reliably.engine.sli.SecretStore;
import io.reliably.engine.sli.SliProblem;
import io.reliably.engine.sli.SliProvider;
import io.reliably.engine.sli.dynatrace.DynatraceProvider;
import io.reliably.engine.sli.iter8.MetricDefinition;
import io.reliably.engine.sli.iter8.MetricLoader;
import io.reliably.engine.sli.iter8.MetricRequests;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the provider of an {@code sli.yaml}: {@code prometheus}, {@code dynatrace}, or the path of an
 * Iter8-style definition. Secrets: Prometheus reads the optional keys {@code username} and
 * {@code password} of the secret {@code prometheus}; Dynatrace needs the key {@code DT_API_TOKEN} of
 * the secret {@code dynatrace}; a definition reads the secret it names.
 */
public final class SliProviders {

    /** Secret name and key of the Dynatrace API token (the names dynatrace-service's secret uses). */
    public static final String DYNATRACE_SECRET = "dynatrace";
    public static final String DYNATRACE_TOKEN_KEY = "DT_API_TOKEN";
    /** Secret name of Prometheus' optional basic auth. */
    public static final String PROMETHEUS_SECRET = "prometheus";

    private final MetricLoader loader;

    public SliProviders(MetricLoader loader) {
        this.loader = loader;
    }

    /**
     * @param provider {@code prometheus}, {@code dynatrace} or a definition file
     * @param url the store's address; required for the built-in providers, {@code $URL} for definitions
     * @param source what to name in problems about the provider, e.g. {@code --provider}
     */
    public SliProvider create(String provider, String url, SecretStore secrets, String source)
            throws InvalidSliException {
        String name = provider.toLowerCase(Locale.ROOT);
        if (name.equals("prometheus") || name.equals("dynatrace")) {
            if (url == null || url.isBlank()) {
                throw new InvalidSliException(new SliProblem(source, provider, "needs the " + provider
                        + " URL; expected e.g. " + (name.equals("prometheus") ? "http://prometheus:9090"
                        : "https://abc12345.live.dynatrace.com")));
            }
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                throw new InvalidSliException(new SliProblem(source, provider, "'" + url
                        + "' is not an http(s) URL"));
            }
        }
        if (name.equals("prometheus")) {
            Map<String, String> secret = secrets.secret(PROMETHEUS_SECRET).orElse(Map.of());
            return new io.reliably.engine.sli.prometheus.PrometheusProvider(url, secret.get("username"),
                    secret.get("password"));
        }
        if (name.equals("dynatrace")) {
            Optional<String> token = secrets.secret(DYNATRACE_SECRET).map(s -> s.get(DYNATRACE_TOKEN_KEY));
            if (token.isEmpty() || token.get().isBlank()) {
                throw new InvalidSliException(new SliProblem(source, provider, "needs an API token; expected the key "
                        + DYNATRACE_TOKEN_KEY + " in the secret '" + DYNATRACE_SECRET + "' of " + secrets.description()));
            }
            return new DynatraceProvider(url, token.get());
        }
        Path file = Path.of(provider);
        MetricDefinition template = loader.parseOne(file.toString(), new io.reliably.engine.sli.DocumentReader().read(file),
                "provider");
        List<SliProblem> problems = new ArrayList<>();
        Map<String, String> secret = new MetricRequests().secret(template, secrets, problems);
        if (!problems.isEmpty()) {
            throw new InvalidSliException(problems);
        }
        return new DefinitionProvider(template, secret, url);
    }
}
