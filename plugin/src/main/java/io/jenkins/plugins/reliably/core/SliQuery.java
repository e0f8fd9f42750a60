package io.jenkins.plugins.reliably.core;

import io.reliably.engine.secret.SecretMasker;
import io.reliably.engine.sli.IndicatorPlan;
import io.reliably.engine.sli.IndicatorQueryRunner;
import io.reliably.engine.sli.IndicatorValue;
import io.reliably.engine.sli.InvalidSliException;
import io.reliably.engine.sli.KeptnContext;
import io.reliably.engine.sli.QueryWindow;
import io.reliably.engine.sli.SecretStore;
import io.reliably.engine.sli.SliProvider;
import io.reliably.engine.sli.VersionInfo;
import io.reliably.engine.sli.iter8.MetricLoader;
import io.reliably.engine.sli.iter8.MetricRequests;
import io.reliably.engine.sli.keptn.KeptnIndicators;
import io.reliably.engine.sli.keptn.SliFile;
import io.reliably.engine.sli.keptn.SliFileLoader;
import io.reliably.engine.sli.keptn.SliProviders;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code querySli}, ready to run where the workspace is (definition files are read there):
 * plans the queries of a Keptn {@code sli.yaml} or of Iter8 metric definitions, runs them, prints
 * one line per indicator and returns the values. Knows nothing of Jenkins.
 */
public final class SliQuery implements Serializable {

    private static final long serialVersionUID = 1L;

    private final SliOptions options;
    private final String workspace;
    private final SliOptions.Window window;
    private final String context;
    private final LinkedHashMap<String, String> secret;

    /**
     * @param workspace the workspace's path where this runs, or {@code null}
     * @param context the Keptn context id ({@code $CONTEXT}), e.g. the build's id
     * @param secret the credential's keys and values, answering every secret a definition names; empty
     *     when no credential was given
     */
    public SliQuery(SliOptions options, String workspace, SliOptions.Window window, String context,
            Map<String, String> secret) {
        this.options = options;
        this.workspace = workspace;
        this.window = window;
        this.context = context;
        this.secret = new LinkedHashMap<>(secret);
    }

    /**
     * Queries every indicator; an indicator that fails is a value with {@code success: false}.
     *
     * @throws InvalidRunException when the definitions are invalid; the message lists every problem
     */
    public List<Map<String, Object>> run(PrintStream console) throws InvalidRunException {
        List<String> problems = new ArrayList<>(options.problems());
        if (workspace == null && (options.sli() != null || !options.metricFiles().isEmpty())) {
            problems.add("sli: files need a workspace; run querySli inside node, or give sliText");
        }
        if (!problems.isEmpty()) {
            throw new InvalidRunException(problems);
        }
        QueryWindow queryWindow = new QueryWindow(window.start(), window.end());
        KeptnContext keptn = new KeptnContext(options.project(), options.stage(), options.service(), options.deployment(),
                context, options.labels(), options.filters());
        SecretStore secrets = secret.isEmpty() ? SecretStore.NONE : SecretStore.of(secret);
        IndicatorPlan plan;
        VersionInfo version = new VersionInfo(null, options.variables());
        try {
            plan = plan(queryWindow, keptn, secrets, version);
        } catch (InvalidSliException e) {
            throw new InvalidRunException(e.getMessage());
        }
        SecretMasker masker = plan.masker().with(secret.values());
        console.println(masker.mask("[reliably] querying " + plan.metrics().size() + " indicators from "
                + window.start() + " to " + window.end()));
        List<Map<String, Object>> values = new ArrayList<>();
        for (IndicatorValue value : new IndicatorQueryRunner().run(plan)) {
            console.println(masker.mask("[reliably] " + value.metric() + ": "
                    + (value.success() ? String.format(Locale.ROOT, "%s", value.value()) : "failed: " + value.message())));
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("metric", value.metric());
            map.put("value", value.value());
            map.put("success", value.success());
            map.put("message", masker.mask(value.message()));
            values.add(map);
        }
        return values;
    }

    private IndicatorPlan plan(QueryWindow queryWindow, KeptnContext keptn, SecretStore secrets, VersionInfo version)
            throws InvalidSliException, InvalidRunException {
        if (!options.metricFiles().isEmpty()) {
            List<Path> files = options.metricFiles().stream().map(f -> Path.of(workspace).resolve(f)).toList();
            return new MetricRequests().plan(new MetricLoader().load(files), version, queryWindow, keptn, secrets,
                    options.url() == null ? Map.of() : Map.of("URL", options.url()));
        }
        SliFile file = options.sliText() != null
                ? new SliFileLoader().parse("sliText", options.sliText())
                : new SliFileLoader().parse(options.sli(), read(Path.of(workspace).resolve(options.sli())));
        String provider = options.provider();
        if (!provider.equalsIgnoreCase("prometheus") && !provider.equalsIgnoreCase("dynatrace") && workspace != null) {
            provider = Path.of(workspace).resolve(provider).toString();
        }
        SliProvider sliProvider = new SliProviders(new MetricLoader()).create(provider, options.url(), secrets, "provider");
        return new KeptnIndicators().plan(file, sliProvider, options.indicatorList(), queryWindow, keptn, version);
    }

    private static String read(Path file) throws InvalidRunException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidRunException("sli: cannot read " + file + ": " + e.getMessage());
        }
    }
}
