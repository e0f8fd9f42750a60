package io.reliably.engine.experiment;

import java.util.List;

/** How an activity runs. Only http and process exist: python is refused at load time. */
public sealed interface Provider permits HttpProvider, ProcessProvider {

    /** {@code "http"} or {@code "process"}. */
    String type();

    /** Secret groups the provider asked for with {@code "secrets": [...]}. */
    List<String> secrets();
}
