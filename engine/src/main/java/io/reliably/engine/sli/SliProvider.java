package io.reliably.engine.sli;

import java.util.Map;
import java.util.Set;

/**
 * A metric store that answers the queries of a Keptn {@code sli.yaml}: Prometheus, Dynatrace, or any
 * store described by an Iter8-style definition in which {@code $QUERY} stands for the query.
 */
public interface SliProvider {

    /** The provider's name as Keptn's {@code sliProvider} would say it, e.g. {@code prometheus}. */
    String name();

    /**
     * Builds one indicator's request.
     *
     * @param metric the indicator's name
     * @param query its query from {@code sli.yaml}, Keptn placeholders already replaced
     * @param keptnNames the Keptn and window placeholders, for templates that need them
     * @param window the time frame
     * @param version Iter8's version information, for templates that need it
     */
    PreparedIndicator prepare(String metric, String query, Map<String, String> keptnNames, QueryWindow window,
            VersionInfo version);

    /** The secret values this provider sends, to be masked in messages. */
    Set<String> secretValues();
}
