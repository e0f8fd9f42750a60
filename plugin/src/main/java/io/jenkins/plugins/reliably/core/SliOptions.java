package io.jenkins.plugins.reliably.core;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameters of {@code querySli} with their validation and defaults: the indicator definitions
 * (a Keptn {@code sli.yaml} with its provider, or Iter8 metric definitions), the provider's URL, the
 * window, and the Keptn names queries may use ({@code $PROJECT}, {@code $STAGE}, {@code $SERVICE},
 * {@code $DEPLOYMENT}, {@code $LABEL.key}). Plain and serializable: it travels to the agent.
 */
public final class SliOptions implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private final String sli;
    private final String sliText;
    private final String provider;
    private final String metrics;
    private final String url;
    private final String indicators;
    private final String start;
    private final String end;
    private final String duration;
    private final String project;
    private final String stage;
    private final String service;
    private final String deployment;
    private final LinkedHashMap<String, String> labels;
    private final LinkedHashMap<String, String> filters;
    private final LinkedHashMap<String, String> variables;

    private SliOptions(Builder b) {
        sli = blankToNull(b.sli);
        sliText = b.sliText == null || b.sliText.isBlank() ? null : b.sliText;
        provider = blankToNull(b.provider);
        metrics = blankToNull(b.metrics);
        url = blankToNull(b.url);
        indicators = blankToNull(b.indicators);
        start = blankToNull(b.start);
        end = blankToNull(b.end);
        duration = blankToNull(b.duration);
        project = blankToNull(b.project);
        stage = blankToNull(b.stage);
        service = blankToNull(b.service);
        deployment = blankToNull(b.deployment);
        labels = new LinkedHashMap<>(b.labels);
        filters = new LinkedHashMap<>(b.filters);
        variables = new LinkedHashMap<>(b.variables);
    }

    /** A copy with the SLO's {@code filter} entries, which queries use as {@code $key} (as Keptn passes them). */
    public SliOptions withFilters(Map<String, String> more) {
        Builder b = toBuilder();
        b.filters.putAll(more);
        return b.build();
    }

    private Builder toBuilder() {
        Builder b = new Builder();
        b.sli = sli;
        b.sliText = sliText;
        b.provider = provider;
        b.metrics = metrics;
        b.url = url;
        b.indicators = indicators;
        b.start = start;
        b.end = end;
        b.duration = duration;
        b.project = project;
        b.stage = stage;
        b.service = service;
        b.deployment = deployment;
        b.labels.putAll(labels);
        b.filters.putAll(filters);
        b.variables.putAll(variables);
        return b;
    }

    /** Whether any definitions were given: a gate with its own {@code sli} queries them. */
    public boolean hasDefinitions() {
        return sli != null || sliText != null || metrics != null;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every problem, each naming the parameter and what is expected. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        int sources = (sli != null ? 1 : 0) + (sliText != null ? 1 : 0) + (metrics != null ? 1 : 0);
        if (sources == 0) {
            problems.add("sli: give a Keptn sli.yaml (sli or sliText) with its provider, or Iter8 metric definitions (metrics)");
        } else if (sources > 1) {
            problems.add("sli: give only one of sli, sliText and metrics");
        }
        if (metrics == null && sources == 1 && provider == null) {
            problems.add("provider: expected prometheus, dynatrace, or the path of an Iter8-style provider definition");
        }
        if (metrics != null && provider != null) {
            problems.add("provider: Iter8 metric definitions carry their own provider; remove provider");
        }
        Optional<Instant> startAt = instant("start", start, problems);
        Optional<Instant> endAt = instant("end", end, problems);
        if (duration != null && parseDuration(duration).isEmpty()) {
            problems.add("duration: expected a duration such as 5m, 1h, 30s or PT5M, got '" + duration + "'");
        }
        if (duration != null && start != null && end != null) {
            problems.add("duration: give at most two of start, end and duration");
        }
        if (startAt.isPresent() && endAt.isPresent() && !startAt.get().isBefore(endAt.get())) {
            problems.add("start: expected a time before end (" + end + "), got " + start);
        }
        return problems;
    }

    /**
     * The window: {@code start}..{@code end}; or {@code duration} up to {@code end} (or from
     * {@code start}); by default from the build's start until now.
     *
     * @param buildStart when the build started
     * @param now the time now
     */
    public Window window(Instant buildStart, Instant now) {
        Instant from = start == null ? null : Instant.parse(start);
        Instant to = end == null ? null : Instant.parse(end);
        Duration length = duration == null ? null : parseDuration(duration).orElseThrow();
        if (length != null && from != null && to == null) {
            to = from.plus(length);
        }
        if (to == null) {
            to = now;
        }
        if (from == null) {
            from = length != null ? to.minus(length) : buildStart;
        }
        if (!from.isBefore(to)) {
            from = to.minusSeconds(1);
        }
        return new Window(from, to);
    }

    /** The indicators to query; empty means all the definitions hold. */
    public List<String> indicatorList() {
        return indicators == null ? List.of()
                : Arrays.stream(indicators.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** {@code metrics} split on commas. */
    public List<String> metricFiles() {
        return metrics == null ? List.of()
                : Arrays.stream(metrics.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Reads {@code 5m}, {@code 1h}, {@code 30s}, {@code 250ms}, {@code 2d} or ISO-8601 {@code PT5M}. */
    static Optional<Duration> parseDuration(String text) {
        String trimmed = text.trim();
        Matcher m = SHORT_DURATION.matcher(trimmed.toLowerCase(Locale.ROOT));
        Duration d = null;
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } else {
            try {
                d = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return d.isNegative() || d.isZero() ? Optional.empty() : Optional.of(d);
    }

    private static Optional<Instant> instant(String name, String text, List<String> problems) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            problems.add(name + ": expected an ISO-8601 time such as 2026-11-24T10:00:00Z, got '" + text + "'");
            return Optional.empty();
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    public String sli() {
        return sli;
    }

    public String sliText() {
        return sliText;
    }

    public String provider() {
        return provider;
    }

    public String url() {
        return url;
    }

    public String project() {
        return project;
    }

    public String stage() {
        return stage;
    }

    public String service() {
        return service;
    }

    public String deployment() {
        return deployment;
    }

    public Map<String, String> labels() {
        return labels;
    }

    public Map<String, String> filters() {
        return filters;
    }

    /** Iter8's version variables: {@code $name} in a metric's params and body. */
    public Map<String, String> variables() {
        return variables;
    }

    /** The query window; a plain class to travel to the agent. */
    public static final class Window implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Instant start;
        private final Instant end;

        Window(Instant start, Instant end) {
            this.start = start;
            this.end = end;
        }

        public Instant start() {
            return start;
        }

        public Instant end() {
            return end;
        }
    }

    /** Collects the parameters. */
    public static final class Builder {
        private String sli;
        private String sliText;
        private String provider;
        private String metrics;
        private String url;
        private String indicators;
        private String start;
        private String end;
        private String duration;
        private String project;
        private String stage;
        private String service;
        private String deployment;
        private final Map<String, String> labels = new LinkedHashMap<>();
        private final Map<String, String> filters = new LinkedHashMap<>();
        private final Map<String, String> variables = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder sli(String v) {
            sli = v;
            return this;
        }

        public Builder sliText(String v) {
            sliText = v;
            return this;
        }

        public Builder provider(String v) {
            provider = v;
            return this;
        }

        public Builder metrics(String v) {
            metrics = v;
            return this;
        }

        public Builder url(String v) {
            url = v;
            return this;
        }

        public Builder indicators(String v) {
            indicators = v;
            return this;
        }

        public Builder start(String v) {
            start = v;
            return this;
        }

        public Builder end(String v) {
            end = v;
            return this;
        }

        public Builder duration(String v) {
            duration = v;
            return this;
        }

        /** Where a user's value is blank, the default is taken. */
        public Builder project(String v, String byDefault) {
            project = v == null || v.isBlank() ? byDefault : v;
            return this;
        }

        public Builder stage(String v, String byDefault) {
            stage = v == null || v.isBlank() ? byDefault : v;
            return this;
        }

        public Builder service(String v) {
            service = v;
            return this;
        }

        public Builder deployment(String v) {
            deployment = v;
            return this;
        }

        /** The user's labels over the defaults (such as {@code buildId}). */
        public Builder labels(Map<String, String> defaults, Map<?, ?> user) {
            labels.clear();
            labels.putAll(defaults);
            if (user != null) {
                user.forEach((k, v) -> labels.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
            }
            return this;
        }

        /** Iter8 version variables, written as text. */
        public Builder variables(Map<?, ?> user) {
            variables.clear();
            if (user != null) {
                user.forEach((k, v) -> variables.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
            }
            return this;
        }

        public SliOptions build() {
            return new SliOptions(this);
        }
    }
}
