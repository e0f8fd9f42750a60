package io.jenkins.plugins.reliably.core;

import io.reliably.engine.run.Dry;
import io.reliably.engine.run.HypothesisStrategy;
import io.reliably.engine.run.RollbackStrategy;
import io.reliably.engine.run.RunSettings;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The parameters of {@code reliablyRun} (the Pipeline step and the freestyle build step alike), as
 * the user gave them, with their validation and defaults. Serializable: it travels to the agent.
 * A plain class, not a record: Jenkins persists the step execution that holds it.
 */
public final class RunOptions implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Where the journal goes when the user does not say. */
    public static final String DEFAULT_JOURNAL = "journal.json";

    private final String experiment;
    private final String experimentText;
    private final String journalPath;
    private final String rollbackStrategy;
    private final String hypothesisStrategy;
    private final Double hypothesisFrequency;
    private final boolean failFast;
    private final LinkedHashMap<String, String> vars;
    private final String varFiles;
    private final String dry;
    private final String deviatedResult;

    private RunOptions(Builder b) {
        this.experiment = trimToNull(b.experiment);
        this.experimentText = b.experimentText == null || b.experimentText.isBlank() ? null : b.experimentText;
        this.journalPath = trimToNull(b.journalPath);
        this.rollbackStrategy = trimToNull(b.rollbackStrategy);
        this.hypothesisStrategy = trimToNull(b.hypothesisStrategy);
        this.hypothesisFrequency = b.hypothesisFrequency;
        this.failFast = b.failFast;
        this.vars = new LinkedHashMap<>();
        b.vars.forEach((name, value) -> this.vars.put(name, assignment(name, value)));
        this.varFiles = trimToNull(b.varFiles);
        this.dry = trimToNull(b.dry);
        this.deviatedResult = trimToNull(b.deviatedResult);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Every problem with these parameters, each naming the parameter and what is expected; empty
     * when they are valid.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (experiment == null && experimentText == null) {
            problems.add("experiment: give the experiment's path in the workspace, or experimentText");
        } else if (experiment != null && experimentText != null) {
            problems.add("experiment: give either experiment or experimentText, not both");
        }
        if (journalPath != null && escapesWorkspace(journalPath)) {
            problems.add("journalPath: expected a path inside the workspace, got '" + journalPath + "'");
        }
        if (rollbackStrategy != null && RollbackStrategy.parse(rollbackStrategy).isEmpty()) {
            problems.add("rollbackStrategy: expected one of " + words(RollbackStrategy.values(), RollbackStrategy::json)
                    + ", got '" + rollbackStrategy + "'");
        }
        if (hypothesisStrategy != null && HypothesisStrategy.parse(hypothesisStrategy).isEmpty()) {
            problems.add("hypothesisStrategy: expected one of "
                    + words(HypothesisStrategy.values(), HypothesisStrategy::json) + ", got '" + hypothesisStrategy + "'");
        }
        if (hypothesisFrequency != null && !(hypothesisFrequency > 0 && Double.isFinite(hypothesisFrequency))) {
            problems.add("hypothesisFrequency: expected a number of seconds above 0, got " + hypothesisFrequency);
        }
        if (dry != null && Dry.parse(dry).isEmpty()) {
            problems.add("dry: expected one of " + words(Dry.values(), Dry::json) + ", got '" + dry + "'");
        }
        if (DeviatedResult.parse(deviatedResult).isEmpty()) {
            problems.add("deviatedResult: expected one of " + DeviatedResult.choices() + ", got '" + deviatedResult + "'");
        }
        for (String name : vars.keySet()) {
            if (name.isBlank() || name.contains("=") || name.contains(":")) {
                problems.add("vars: expected variable names without '=' or ':', got '" + name + "'");
            }
        }
        return problems;
    }

    /** The engine's settings; call after {@link #problems()} came back empty. */
    public RunSettings settings() {
        return new RunSettings(
                rollbackStrategy == null ? null : RollbackStrategy.parse(rollbackStrategy).orElseThrow(),
                hypothesisStrategy == null ? null : HypothesisStrategy.parse(hypothesisStrategy).orElseThrow(),
                hypothesisFrequency,
                failFast,
                0.0,
                dry == null ? null : Dry.parse(dry).orElseThrow());
    }

    /** {@code vars} as the {@code name=value} assignments the engine reads, in the user's order. */
    public List<String> varAssignments() {
        return List.copyOf(vars.values());
    }

    private static String assignment(String name, Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            return name + ":json=" + value;
        }
        return name + "=" + (value == null ? "" : value);
    }

    /** {@code varFiles} split on commas and new lines, blanks dropped. */
    public List<String> varFileList() {
        if (varFiles == null) {
            return List.of();
        }
        return Arrays.stream(varFiles.split("[,\\n]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** The journal's path in the workspace, defaulted. */
    public String journalPathOrDefault() {
        return journalPath == null ? DEFAULT_JOURNAL : journalPath;
    }

    /** What a deviation does to the build, defaulted; call after validation. */
    public DeviatedResult deviatedResultOrDefault() {
        return DeviatedResult.parse(deviatedResult).orElse(DeviatedResult.DEFAULT);
    }

    public String experiment() {
        return experiment;
    }

    public String experimentText() {
        return experimentText;
    }

    private static boolean escapesWorkspace(String path) {
        String normal = path.replace('\\', '/');
        if (normal.startsWith("/") || normal.matches("^[A-Za-z]:.*")) {
            return true;
        }
        return Arrays.asList(normal.split("/")).contains("..");
    }

    private static <E> String words(E[] values, java.util.function.Function<E, String> word) {
        return Arrays.stream(values).map(word).collect(Collectors.joining(", "));
    }

    private static String trimToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** Collects the parameters; anything left unset takes its default. */
    public static final class Builder {
        private String experiment;
        private String experimentText;
        private String journalPath;
        private String rollbackStrategy;
        private String hypothesisStrategy;
        private Double hypothesisFrequency;
        private boolean failFast;
        private final Map<String, Object> vars = new LinkedHashMap<>();
        private String varFiles;
        private String dry;
        private String deviatedResult;

        private Builder() {
        }

        public Builder experiment(String value) {
            experiment = value;
            return this;
        }

        public Builder experimentText(String value) {
            experimentText = value;
            return this;
        }

        public Builder journalPath(String value) {
            journalPath = value;
            return this;
        }

        public Builder rollbackStrategy(String value) {
            rollbackStrategy = value;
            return this;
        }

        public Builder hypothesisStrategy(String value) {
            hypothesisStrategy = value;
            return this;
        }

        public Builder hypothesisFrequency(Double value) {
            hypothesisFrequency = value;
            return this;
        }

        public Builder failFast(boolean value) {
            failFast = value;
            return this;
        }

        /**
         * Configuration overrides. A string stays a string; a number or a boolean keeps its type
         * (the CLI's {@code --var name:json=value}).
         */
        public Builder vars(Map<?, ?> value) {
            vars.clear();
            if (value != null) {
                value.forEach((k, v) -> vars.put(String.valueOf(k), v));
            }
            return this;
        }

        public Builder varFiles(String value) {
            varFiles = value;
            return this;
        }

        public Builder dry(String value) {
            dry = value;
            return this;
        }

        public Builder deviatedResult(String value) {
            deviatedResult = value;
            return this;
        }

        public RunOptions build() {
            return new RunOptions(this);
        }
    }
}
