package io.reliably.engine.experiment;

import java.util.List;

/** The steady-state hypothesis: probes that each carry a tolerance. */
public record Hypothesis(String title, List<Activity> probes) {

    public Hypothesis {
        probes = List.copyOf(probes);
    }
}
