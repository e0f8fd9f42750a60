package io.reliably.engine.sli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Iter8's {@code versionInfo} entry for the version being measured: its name ({@code $name}) and its
 * variables ({@code $<variable>}). Both only reach a metric's {@code params} and {@code body}.
 *
 * @param name the version's name, or {@code null} when none was given ({@code $name} then stays literal)
 * @param variables the version's variables, in the order given
 */
public record VersionInfo(String name, Map<String, String> variables) {

    /** No version: {@code $name} and variables stay literal. */
    public static final VersionInfo NONE = new VersionInfo(null, Map.of());

    public VersionInfo {
        variables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    public Optional<String> nameIfAny() {
        return Optional.ofNullable(name);
    }
}
