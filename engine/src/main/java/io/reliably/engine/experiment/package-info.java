/**
 * The Chaos Toolkit experiment as an immutable model. Values that Chaos Toolkit substitutes at run
 * time ({@code ${name}} placeholders in urls, headers, arguments, timeouts, pauses and tolerances)
 * stay {@link com.fasterxml.jackson.databind.JsonNode}s here and are resolved by the runner through
 * {@link io.reliably.engine.configuration.Substitution} just before use.
 */
package io.reliably.engine.experiment;
