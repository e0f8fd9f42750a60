package io.reliably.engine.sli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a Keptn {@code get-sli.triggered} event tells an SLI provider besides the indicators: the
 * project, stage, service and deployment, the labels and the SLO file's {@code filter} entries. They
 * become the Keptn placeholders of {@link #placeholders(QueryWindow)}.
 *
 * @param project {@code $PROJECT}, or {@code null}
 * @param stage {@code $STAGE}, or {@code null}
 * @param service {@code $SERVICE}, or {@code null}
 * @param deployment {@code $DEPLOYMENT}, or {@code null}
 * @param context {@code $CONTEXT}, the Keptn context id, or {@code null}
 * @param labels {@code $LABEL.<key>}
 * @param filters the SLO {@code filter} (Keptn's {@code customFilters}): {@code $key} and {@code $KEY}
 */
public record KeptnContext(String project, String stage, String service, String deployment, String context,
        Map<String, String> labels, Map<String, String> filters) {

    /** Nothing known: only the window's placeholders are replaced. */
    public static final KeptnContext NONE = new KeptnContext(null, null, null, null, null, Map.of(), Map.of());

    public KeptnContext {
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        filters = Collections.unmodifiableMap(new LinkedHashMap<>(filters));
    }

    /** A copy with these SLO filter entries added (later entries win). */
    public KeptnContext withFilters(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(filters);
        all.putAll(more);
        return new KeptnContext(project, stage, service, deployment, context, labels, all);
    }

    /**
     * The Keptn placeholders (names without {@code $}) and the window's. Values that are unknown
     * ({@code null}) are left out, so those placeholders stay literal. Filter values lose their quotes
     * and filters win over the built-in names, as in prometheus-service's {@code replaceQueryParameters}.
     */
    public Map<String, String> placeholders(QueryWindow window) {
        Map<String, String> values = new LinkedHashMap<>();
        put(values, "PROJECT", project);
        put(values, "STAGE", stage);
        put(values, "SERVICE", service);
        put(values, "DEPLOYMENT", deployment);
        put(values, "CONTEXT", context);
        labels.forEach((key, value) -> put(values, "LABEL." + key, value));
        if (window != null) {
            values.put("DURATION_SECONDS", window.durationSeconds() + "s");
            values.put("START", window.start().toString());
            values.put("END", window.end().toString());
            values.put("START_UNIX", Long.toString(window.start().getEpochSecond()));
            values.put("END_UNIX", Long.toString(window.end().getEpochSecond()));
            values.put("START_UNIX_MS", Long.toString(window.start().toEpochMilli()));
            values.put("END_UNIX_MS", Long.toString(window.end().toEpochMilli()));
        }
        List<Map.Entry<String, String>> entries = new ArrayList<>(filters.entrySet());
        for (Map.Entry<String, String> filter : entries) {
            String value = filter.getValue() == null ? "" : filter.getValue().replace("'", "").replace("\"", "");
            values.put(filter.getKey(), value);
            values.put(filter.getKey().toUpperCase(Locale.ROOT), value);
        }
        return values;
    }

    private static void put(Map<String, String> values, String name, String value) {
        if (value != null) {
            values.put(name, value);
        }
    }
}
