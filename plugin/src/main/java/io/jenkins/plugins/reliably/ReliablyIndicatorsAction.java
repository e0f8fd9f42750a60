package io.jenkins.plugins.reliably;

import hudson.model.Run;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.model.RunAction2;

/**
 * The indicator values {@code querySli} got in a build, shown on the build's page and taken by a
 * later {@code reliablyGate} of the same build when it is given no values. Plain fields (lists of
 * plain maps): Jenkins writes it into build.xml.
 */
public class ReliablyIndicatorsAction implements RunAction2 {

    private final int index;
    private final String start;
    private final String end;
    private final ArrayList<LinkedHashMap<String, Object>> values;
    private transient Run<?, ?> run;

    ReliablyIndicatorsAction(int index, String start, String end, List<Map<String, Object>> values) {
        this.index = index;
        this.start = start;
        this.end = end;
        this.values = new ArrayList<>();
        values.forEach(v -> this.values.add(new LinkedHashMap<>(v)));
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return Messages.ReliablyIndicatorsAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return "reliably-sli-" + index;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    public Run<?, ?> getRun() {
        return run;
    }

    public String getStart() {
        return start;
    }

    public String getEnd() {
        return end;
    }

    /** The values, each {@code metric}, {@code value}, {@code success}, {@code message}. */
    public List<Map<String, Object>> getValues() {
        List<Map<String, Object>> copy = new ArrayList<>();
        values.forEach(v -> copy.add(new LinkedHashMap<>(v)));
        return copy;
    }
}
