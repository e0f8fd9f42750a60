package io.reliably.engine.run;

/** Where in the run an activity or hypothesis runs. */
public enum Phase {
    /** The hypothesis before the method. */
    HYPOTHESIS_BEFORE,
    /** The method. */
    METHOD,
    /** The continuous hypothesis while the method runs. */
    HYPOTHESIS_DURING,
    /** The hypothesis after the method. */
    HYPOTHESIS_AFTER,
    /** The rollbacks. */
    ROLLBACKS
}
