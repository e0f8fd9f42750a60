package io.reliably.engine.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A probe or an action.
 *
 * @param type probe or action
 * @param name the activity's name (unique for {@code ref}s)
 * @param provider what runs
 * @param tolerance the tolerance, required on hypothesis probes, {@code null} elsewhere
 * @param background whether the method starts it and goes on without waiting
 * @param pauses seconds to sleep before and after
 * @param definition the activity as written, with a {@code ref} replaced by what it points to; the
 *     journal copies it into each run record
 */
public record Activity(
        ActivityType type,
        String name,
        Provider provider,
        Tolerance tolerance,
        boolean background,
        Pauses pauses,
        ObjectNode definition) {
}
