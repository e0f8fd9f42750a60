package io.reliably.engine.configuration;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Chaos Toolkit's {@code ${name}} substitution ({@code chaoslib/__init__.py}, {@code substitute}):
 * names are looked up in the configuration first, then in every secret group flattened one level. A
 * string that is exactly {@code "${x}"} becomes the value with its own type; unknown names stay as
 * they are.
 */
public interface Substitution {

    /** Substitutes in every string of a JSON value, recursively; returns a new value. */
    JsonNode apply(JsonNode value);

    /** Substitutes inside one string; non-string values are written as their JSON text. */
    String apply(String text);
}
