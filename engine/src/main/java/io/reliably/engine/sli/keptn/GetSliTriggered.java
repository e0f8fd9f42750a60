package io.reliably.engine.sli.keptn;

import com.fasterxml.jackson.databind.JsonNode;
import io.reliably.engine.sli.DocumentReader;
import io.reliably.engine.sli.InvalidSliException;
import io.reliably.engine.sli.KeptnContext;
import io.reliably.engine.sli.QueryWindow;
import io.reliably.engine.sli.SliProblem;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code sh.keptn.event.get-sli.triggered} CloudEvent (Keptn spec; {@code keptn/go-utils}
 * {@code pkg/lib/v0_2_0/getsli.go}): what an SLI provider is asked to query.
 *
 * @param id the event's {@code id}, echoed as {@code triggeredid}
 * @param keptnContext {@code shkeptncontext}
 * @param source the event's {@code source}
 * @param data the whole {@code data} object (project, stage, service, labels, ...)
 * @param sliProvider {@code data.get-sli.sliProvider}
 * @param start {@code data.get-sli.start} as written
 * @param end {@code data.get-sli.end} as written
 * @param window start and end parsed
 * @param indicators {@code data.get-sli.indicators}
 * @param keptn project, stage, service, deployment, labels and {@code customFilters}
 */
public record GetSliTriggered(String id, String keptnContext, String source, JsonNode data, String sliProvider,
        String start, String end, QueryWindow window, List<String> indicators, KeptnContext keptn) {

    public static final String TYPE = "sh.keptn.event.get-sli.triggered";

    /** Reads and checks an event file (JSON or YAML). */
    public static GetSliTriggered parse(String fileName, String content) throws InvalidSliException {
        List<JsonNode> documents = new DocumentReader().documents(fileName, content);
        if (documents.size() != 1 || !documents.get(0).isObject()) {
            throw new InvalidSliException(new SliProblem(fileName, "", "expected one CloudEvent object of type " + TYPE));
        }
        JsonNode event = documents.get(0);
        List<SliProblem> problems = new ArrayList<>();
        String type = event.path("type").asText("");
        if (!TYPE.equals(type)) {
            problems.add(new SliProblem(fileName, "type", "expected " + TYPE + ", found '" + type + "'"));
        }
        String id = required(fileName, event, "id", problems);
        String context = event.path("shkeptncontext").asText(null);
        JsonNode data = event.path("data");
        if (!data.isObject()) {
            problems.add(new SliProblem(fileName, "data", "is missing; expected the event's data object"));
        }
        JsonNode getSli = data.path("get-sli");
        if (!getSli.isObject()) {
            problems.add(new SliProblem(fileName, "data.get-sli", "is missing; expected {sliProvider, start, end, "
                    + "indicators, customFilters}"));
        }
        String start = getSli.path("start").asText(null);
        String end = getSli.path("end").asText(null);
        Instant startTime = time(fileName, "data.get-sli.start", start, problems);
        Instant endTime = time(fileName, "data.get-sli.end", end, problems);
        QueryWindow window = null;
        if (startTime != null && endTime != null) {
            if (!startTime.isBefore(endTime)) {
                problems.add(new SliProblem(fileName, "data.get-sli", "start " + start + " is not before end " + end));
            } else {
                window = new QueryWindow(startTime, endTime);
            }
        }
        List<String> indicators = new ArrayList<>();
        JsonNode list = getSli.path("indicators");
        if (!list.isMissingNode() && !list.isNull()) {
            if (!list.isArray()) {
                problems.add(new SliProblem(fileName, "data.get-sli.indicators", "expected a list of indicator names"));
            } else {
                list.forEach(item -> indicators.add(item.asText()));
            }
        }
        Map<String, String> filters = new LinkedHashMap<>();
        JsonNode custom = getSli.path("customFilters");
        if (custom.isArray()) {
            for (int i = 0; i < custom.size(); i++) {
                JsonNode filter = custom.get(i);
                if (!filter.path("key").isTextual()) {
                    problems.add(new SliProblem(fileName, "data.get-sli.customFilters[" + i + "].key",
                            "expected a string"));
                } else {
                    filters.put(filter.path("key").textValue(), filter.path("value").asText(""));
                }
            }
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = data.path("labels").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> label = it.next();
            labels.put(label.getKey(), label.getValue().asText());
        }
        if (!problems.isEmpty()) {
            throw new InvalidSliException(problems);
        }
        JsonNode deployment = data.path("deployment");
        String deploymentName = deployment.isTextual() ? deployment.textValue()
                : deployment.path("deploymentNames").path(0).asText(null);
        KeptnContext keptn = new KeptnContext(data.path("project").asText(null), data.path("stage").asText(null),
                data.path("service").asText(null), deploymentName, context, labels, filters);
        return new GetSliTriggered(id, context, event.path("source").asText(null), data,
                getSli.path("sliProvider").asText(null), start, end, window, List.copyOf(indicators), keptn);
    }

    private static String required(String file, JsonNode event, String field, List<SliProblem> problems) {
        JsonNode value = event.get(field);
        if (value == null || !value.isTextual() || value.textValue().isBlank()) {
            problems.add(new SliProblem(file, field, "is missing; expected a string"));
            return null;
        }
        return value.textValue();
    }

    private static Instant time(String file, String path, String text, List<SliProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new SliProblem(file, path, "is missing; expected an RFC 3339 time"));
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(new SliProblem(file, path, "'" + text + "' is not an RFC 3339 time, e.g. 2019-10-28T15:44:27Z"));
            return null;
        }
    }
}
