package io.reliably.cli;

import io.reliably.engine.sli.IndicatorQuerySettings;
import io.reliably.engine.sli.IndicatorValue;
import io.reliably.engine.sli.InvalidSliException;
import io.reliably.engine.sli.KeptnContext;
import io.reliably.engine.sli.QueryWindow;
import io.reliably.engine.sli.SecretFile;
import io.reliably.engine.sli.SecretStore;
import io.reliably.engine.sli.SliProblem;
import io.reliably.engine.sli.VersionInfo;
import io.reliably.engine.sli.request.SliRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options that say which indicators to query and how: shared by {@code reliably sli} and
 * {@code reliably gate} (as a picocli mixin), so the gate can query indicators itself.
 */
public final class SliOptions {

    static final Duration DEFAULT_DURATION = Duration.ofMinutes(10);

    @Option(names = "--sli", paramLabel = "FILE",
            description = "A Keptn sli.yaml (indicators: {name: query}); needs --provider.")
    Path sliFile;

    @Option(names = "--provider", paramLabel = "prometheus|dynatrace|FILE",
            description = "Who answers the sli.yaml queries: prometheus, dynatrace, or an Iter8-style definition file "
                    + "in which $QUERY stands for the query (see docs/sli/).")
    String provider;

    @Option(names = "--url", paramLabel = "URL",
            description = "The metric store's address (required for prometheus and dynatrace; $URL in definitions).")
    String url;

    @Option(names = "--metrics", paramLabel = "FILE", arity = "1..*",
            description = "Iter8 Metric definitions (JSON or YAML, one or many per file).")
    List<Path> metricFiles = new ArrayList<>();

    @Option(names = "--start", paramLabel = "TIME", description = "The window's start (RFC 3339). Default: end - duration.")
    String start;

    @Option(names = "--end", paramLabel = "TIME", description = "The window's end (RFC 3339). Default: now, or start + duration.")
    String end;

    @Option(names = "--duration", paramLabel = "DURATION",
            description = "The window's length, e.g. 10m, 1h, 600s (default 10m). Not with both --start and --end.")
    String duration;

    @Option(names = "--version-name", paramLabel = "NAME", description = "Iter8's version name ($name).")
    String versionName;

    @Option(names = "--var", paramLabel = "KEY=VALUE", description = "An Iter8 version variable ($KEY); repeatable.")
    Map<String, String> variables = new LinkedHashMap<>();

    @Option(names = "--secret-file", paramLabel = "FILE",
            description = "JSON or YAML secrets: key: value, or secret-name: {key: value}. Stands in for the "
                    + "Kubernetes secrets metrics name.")
    Path secretFile;

    @Option(names = "--project", paramLabel = "NAME", description = "Keptn project ($PROJECT).")
    String project;

    @Option(names = "--stage", paramLabel = "NAME", description = "Keptn stage ($STAGE).")
    String stage;

    @Option(names = "--service", paramLabel = "NAME", description = "Keptn service ($SERVICE).")
    String service;

    @Option(names = "--deployment", paramLabel = "NAME", description = "Keptn deployment ($DEPLOYMENT).")
    String deployment;

    @Option(names = "--label", paramLabel = "KEY=VALUE", description = "A Keptn label ($LABEL.KEY); repeatable.")
    Map<String, String> labels = new LinkedHashMap<>();

    @Option(names = "--filter", paramLabel = "KEY=VALUE",
            description = "An SLO filter entry ($KEY and $key); repeatable. The gate adds its slo.yaml's filter.")
    Map<String, String> filters = new LinkedHashMap<>();

    @Option(names = "--connect-timeout", paramLabel = "DURATION", defaultValue = "5s",
            description = "Connect timeout of every query (default ${DEFAULT-VALUE}).")
    String connectTimeout;

    @Option(names = "--read-timeout", paramLabel = "DURATION", defaultValue = "30s",
            description = "Read timeout of every query (default ${DEFAULT-VALUE}).")
    String readTimeout;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "10",
            description = "How many indicators are queried at once (default ${DEFAULT-VALUE}).")
    int parallel;

    /** Whether any indicator source was given. */
    public boolean isSet() {
        return sliFile != null || !metricFiles.isEmpty();
    }

    /** The query settings, checked. */
    IndicatorQuerySettings settings() throws InvalidSliException {
        List<SliProblem> problems = new ArrayList<>();
        Duration connect = positiveDuration("--connect-timeout", connectTimeout, problems);
        Duration read = positiveDuration("--read-timeout", readTimeout, problems);
        if (parallel < 1) {
            problems.add(new SliProblem("--parallel", "", "expected at least 1, found " + parallel));
        }
        if (!problems.isEmpty()) {
            throw new InvalidSliException(problems);
        }
        return new IndicatorQuerySettings(connect, read, parallel);
    }

    /** The window from --start, --end and --duration, relative to {@code now}. */
    QueryWindow window(Instant now) throws InvalidSliException {
        List<SliProblem> problems = new ArrayList<>();
        Instant from = start == null ? null : time("--start", start, problems);
        Instant to = end == null ? null : time("--end", end, problems);
        Duration length = duration == null ? null : positiveDuration("--duration", duration, problems);
        if (from != null && to != null && length != null) {
            problems.add(new SliProblem("--duration", "", "cannot be given with both --start and --end"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidSliException(problems);
        }
        Duration span = length == null ? DEFAULT_DURATION : length;
        if (to == null) {
            to = from != null && length != null ? from.plus(length) : now;
        }
        if (from == null) {
            from = to.minus(span);
        }
        if (!from.isBefore(to)) {
            throw new InvalidSliException(new SliProblem("--start", "", "'" + from + "' is not before the end '" + to + "'"));
        }
        return new QueryWindow(from, to);
    }

    /** The Keptn context from --project, --stage, --service, --deployment, --label and --filter, plus more filters. */
    KeptnContext keptn(Map<String, String> moreFilters) {
        Map<String, String> allFilters = new LinkedHashMap<>(moreFilters);
        allFilters.putAll(filters);
        return new KeptnContext(project, stage, service, deployment, null, labels, allFilters);
    }

    SecretStore secrets() throws InvalidSliException {
        return secretFile == null ? SecretStore.NONE : SecretFile.load(secretFile);
    }

    VersionInfo version(String override) {
        String name = override != null ? override : versionName;
        return name == null && variables.isEmpty() ? VersionInfo.NONE : new VersionInfo(name, variables);
    }

    /**
     * What to query, from these options.
     *
     * @param sloFilter the gate's slo.yaml filter, empty for {@code reliably sli}
     * @param versionOverride {@code reliably sli --version}, or {@code null}
     */
    SliRequest request(QueryWindow window, Map<String, String> sloFilter, String versionOverride)
            throws InvalidSliException {
        if (!isSet()) {
            throw new InvalidSliException(new SliProblem("--sli", "", "no indicators given; expected --sli FILE "
                    + "--provider prometheus|dynatrace|FILE, or --metrics FILE..."));
        }
        if (sliFile != null && provider == null) {
            throw new InvalidSliException(new SliProblem("--provider", "", "missing; --sli needs --provider "
                    + "prometheus, dynatrace or an Iter8-style definition file"));
        }
        if (sliFile == null && provider != null) {
            throw new InvalidSliException(new SliProblem("--provider", "", "only applies to --sli"));
        }
        return new SliRequest(sliFile, provider, url, metricFiles, List.of(), window, version(versionOverride),
                keptn(sloFilter), secrets(), "--provider");
    }

    /** Plans and queries. */
    List<IndicatorValue> query(QueryWindow window, Map<String, String> sloFilter, String versionOverride)
            throws InvalidSliException {
        IndicatorQuerySettings settings = settings();
        return request(window, sloFilter, versionOverride).query(settings);
    }

    private static Instant time(String option, String text, List<SliProblem> problems) {
        return TimeArguments.time(text).orElseGet(() -> {
            problems.add(new SliProblem(option, "", "'" + text + "' is not an RFC 3339 time, e.g. 2024-05-01T12:00:00Z"));
            return null;
        });
    }

    private static Duration positiveDuration(String option, String text, List<SliProblem> problems) {
        Duration parsed = TimeArguments.duration(text).orElse(null);
        if (parsed == null || parsed.isZero() || parsed.isNegative()) {
            problems.add(new SliProblem(option, "", "'" + text + "' is not a positive duration, e.g. 10m, 1h, 600s"));
            return null;
        }
        return parsed;
    }
}
