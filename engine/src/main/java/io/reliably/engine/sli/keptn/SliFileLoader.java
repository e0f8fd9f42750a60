package io.reliably.engine.sli.keptn;

import com.fasterxml.jackson.databind.JsonNode;
import io.reliably.engine.sli.DocumentReader;
import io.reliably.engine.sli.InvalidSliException;
import io.reliably.engine.sli.SliProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a Keptn {@code sli.yaml} (or the same in JSON) and reports every problem at once. */
public final class SliFileLoader {

    private final DocumentReader reader = new DocumentReader();

    public SliFile load(Path file) throws InvalidSliException {
        return parse(file.toString(), reader.read(file));
    }

    public SliFile parse(String fileName, String content) throws InvalidSliException {
        List<JsonNode> documents = reader.documents(fileName, content);
        if (documents.size() != 1 || !documents.get(0).isObject()) {
            throw new InvalidSliException(new SliProblem(fileName, "", "expected one document with spec_version and "
                    + "indicators, found " + (documents.isEmpty() ? "nothing" : documents.size() == 1
                    ? "a " + documents.get(0).getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                    : documents.size() + " documents")));
        }
        JsonNode root = documents.get(0);
        List<SliProblem> problems = new ArrayList<>();
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!field.equals("spec_version") && !field.equals("indicators")) {
                problems.add(new SliProblem(fileName, field, "unknown field; expected spec_version and indicators"));
            }
        }
        JsonNode version = root.get("spec_version");
        if (version != null && !version.isValueNode()) {
            problems.add(new SliProblem(fileName, "spec_version", "expected a string such as \"1.0\""));
        }
        JsonNode indicators = root.get("indicators");
        Map<String, String> queries = new LinkedHashMap<>();
        if (indicators == null || indicators.isNull()) {
            problems.add(new SliProblem(fileName, "indicators", "is missing; expected a map of indicator name to query"));
        } else if (!indicators.isObject()) {
            problems.add(new SliProblem(fileName, "indicators", "expected a map of indicator name to query"));
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = indicators.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                JsonNode query = entry.getValue();
                if (query == null || !query.isTextual() || query.textValue().isBlank()) {
                    problems.add(new SliProblem(fileName, "indicators." + entry.getKey(),
                            "expected the indicator's query as a non-empty string"));
                } else {
                    queries.put(entry.getKey(), query.textValue());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSliException(problems);
        }
        return new SliFile(fileName, version == null || version.isNull() ? null : version.asText(), queries);
    }
}
