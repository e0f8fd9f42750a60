package io.reliably.engine.sli.request;

import io.reliably.engine.sli.IndicatorPlan;
import io.reliably.engine.sli.IndicatorQueryRunner;
import io.reliably.engine.sli.IndicatorQuerySettings;
import io.reliably.engine.sli.IndicatorValue;
import io.reliably.engine.sli.InvalidSliException;
import io.reliably.engine.sli.KeptnContext;
import io.reliably.engine.sli.QueryWindow;
import io.reliably.engine.sli.SecretStore;
import io.reliably.engine.sli.SliProblem;
import io.reliably.engine.sli.SliProvider;
import io.reliably.engine.sli.VersionInfo;
import io.reliably.engine.sli.iter8.MetricLoader;
import io.reliably.engine.sli.iter8.MetricRequests;
import io.reliably.engine.sli.keptn.KeptnIndicators;
import io.reliably.engine.sli.keptn.SliFileLoader;
import io.reliably.engine.sli.keptn.SliProviders;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything one SLI query needs, whoever asks (the command line, the gate, the Jenkins step): a
 * Keptn {@code sli.yaml} with its provider and/or Iter8 metric files, the window, Iter8's version,
 * the Keptn context and the secrets. {@link #plan()} checks all of it and reports every problem.
 *
 * @param sliFile a Keptn {@code sli.yaml}, or {@code null}
 * @param provider {@code prometheus}, {@code dynatrace} or a definition file; required with {@code sliFile}
 * @param url the store's address ({@code $URL} for definitions), or {@code null}
 * @param metricFiles Iter8 metric definition files, possibly none
 * @param indicators the {@code sli.yaml} indicators to query, in order; empty for all
 * @param window the time frame
 * @param version Iter8's version name and variables
 * @param keptn Keptn's project, stage, service, deployment, labels and filters
 * @param secrets where named secrets come from
 * @param source how to name the provider in problems, e.g. {@code --provider}
 */
public record SliRequest(Path sliFile, String provider, String url, List<Path> metricFiles, List<String> indicators,
        QueryWindow window, VersionInfo version, KeptnContext keptn, SecretStore secrets, String source) {

    public SliRequest {
        metricFiles = List.copyOf(metricFiles);
        indicators = List.copyOf(indicators);
    }

    /** Builds every request; nothing is sent. */
    public IndicatorPlan plan() throws InvalidSliException {
        if (sliFile == null && metricFiles.isEmpty()) {
            throw new InvalidSliException(new SliProblem(source, "", "no indicators given; expected an sli.yaml with "
                    + "a provider (prometheus, dynatrace or a definition file), or Iter8 metric files"));
        }
        if (sliFile != null && (provider == null || provider.isBlank())) {
            throw new InvalidSliException(new SliProblem(source, "", "missing; an sli.yaml needs a provider: "
                    + "prometheus, dynatrace or an Iter8-style definition file"));
        }
        IndicatorPlan plan = IndicatorPlan.EMPTY;
        List<SliProblem> problems = new ArrayList<>();
        MetricLoader loader = new MetricLoader();
        if (sliFile != null) {
            try {
                SliProvider chosen = new SliProviders(loader).create(provider, url, secrets, source);
                plan = plan.plus(new KeptnIndicators().plan(new SliFileLoader().load(sliFile), chosen, indicators,
                        window, keptn, version));
            } catch (InvalidSliException e) {
                problems.addAll(e.problems());
            }
        }
        if (!metricFiles.isEmpty()) {
            try {
                Map<String, String> extra = url == null ? Map.of() : Map.of("URL", url);
                plan = plan.plus(new MetricRequests().plan(loader.load(metricFiles), version, window, keptn, secrets,
                        extra));
            } catch (InvalidSliException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSliException(problems);
        }
        return plan;
    }

    /** Plans and queries: one value per indicator, failures included. */
    public List<IndicatorValue> query(IndicatorQuerySettings settings) throws InvalidSliException {
        return new IndicatorQueryRunner(settings).run(plan());
    }
}
