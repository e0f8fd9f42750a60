package io.reliably.engine.sli.iter8;

/** Iter8's metric {@code type}; informational here (Iter8 uses it for mocks and sample sizes). */
public enum MetricType {
    Counter,
    Gauge
}
