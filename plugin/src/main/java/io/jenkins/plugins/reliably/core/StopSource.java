package io.jenkins.plugins.reliably.core;

/**
 * How far the user asked to stop the run: read from the agent while the experiment runs there
 * (the plugin exports it over the agent's channel), so a graceful stop reaches the agent without
 * interrupting the remote call, which would cut the rollbacks short.
 */
public interface StopSource {

    /** Not asked to stop. */
    int NONE = 0;
    /** Stop, then play the rollbacks per the strategy. */
    int GRACEFUL = 1;
    /** Stop now, rollbacks included. */
    int IMMEDIATE = 2;

    /** One of {@link #NONE}, {@link #GRACEFUL}, {@link #IMMEDIATE}. */
    int level();

    /** Why, for the journal; {@code null} when not stopping. */
    String reason();
}
