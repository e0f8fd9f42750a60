package io.reliably.engine.sli.keptn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Keptn {@code sli.yaml}: {@code spec_version} and {@code indicators: {name: query}}, the query in
 * the language of the provider chosen for the file.
 *
 * @param file where it was read from
 * @param specVersion {@code spec_version} as written, or {@code null}
 * @param indicators the queries by indicator name, in file order
 */
public record SliFile(String file, String specVersion, Map<String, String> indicators) {

    public SliFile {
        indicators = Collections.unmodifiableMap(new LinkedHashMap<>(indicators));
    }
}
