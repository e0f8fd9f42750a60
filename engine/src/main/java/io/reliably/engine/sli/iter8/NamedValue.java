package io.reliably.engine.sli.iter8;

/** An Iter8 {@code {name, value}} pair: a query parameter or a header template. */
public record NamedValue(String name, String value) {
}
