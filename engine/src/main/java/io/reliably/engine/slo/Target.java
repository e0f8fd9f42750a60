package io.reliably.engine.slo;

import java.util.Optional;

/**
 * One criterion as evaluated ({@code passTargets[]}/{@code warningTargets[]}).
 *
 * @param criteria the criterion as written
 * @param targetValue the value compared with, or {@code null} for a relative criterion with nothing
 *     earlier to compare with (Keptn writes 0 there)
 * @param violated whether the criterion did not hold
 */
public record Target(String criteria, Double targetValue, boolean violated) {

    public Optional<Double> target() {
        return Optional.ofNullable(targetValue);
    }
}
