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

    /**
     * Substitutes inside one string. A placeholder inside a longer text is written as Python's
     * {@code str()} writes the value ({@code True}, {@code None}, {@code 1e-05}), as Chaos Toolkit
     * does; a string that is exactly {@code ${name}} with a non-string value gives its JSON text.
     */
    String apply(String text);
}
