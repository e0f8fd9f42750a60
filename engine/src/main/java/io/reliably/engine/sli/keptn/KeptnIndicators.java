package io.reliably.engine.sli.keptn;

import io.reliably.engine.sli.IndicatorPlan;
import io.reliably.engine.sli.KeptnContext;
import io.reliably.engine.sli.Placeholders;
import io.reliably.engine.sli.PreparedIndicator;
import io.reliably.engine.sli.QueryWindow;
import io.reliably.engine.sli.SliProvider;
import io.reliably.engine.sli.VersionInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plans the queries of a Keptn {@code sli.yaml} against one provider: each query gets the Keptn
 * placeholders replaced (as prometheus-service's {@code replaceQueryParameters}), then the provider
 * builds its request.
 */
public final class KeptnIndicators {

    /**
     * @param requested the indicators to query, as in {@code get-sli.indicators}; empty means all of
     *     the file's, in file order. A requested indicator the file lacks fails with a message.
     */
    public IndicatorPlan plan(SliFile file, SliProvider provider, List<String> requested, QueryWindow window,
            KeptnContext keptn, VersionInfo version) {
        Map<String, String> names = keptn.placeholders(window);
        Placeholders placeholders = Placeholders.keptn(names);
        List<String> metrics = requested.isEmpty() ? List.copyOf(file.indicators().keySet()) : requested;
        List<PreparedIndicator> prepared = new ArrayList<>();
        for (String metric : metrics) {
            String query = file.indicators().get(metric);
            if (query == null) {
                prepared.add(new PreparedIndicator.Failed(metric, "no query for indicator '" + metric + "' in "
                        + file.file() + "; expected it under indicators"));
            } else {
                prepared.add(provider.prepare(metric, placeholders.apply(query), names, window, version));
            }
        }
        return new IndicatorPlan(prepared, provider.secretValues());
    }
}
