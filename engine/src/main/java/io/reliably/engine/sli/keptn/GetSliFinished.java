package io.reliably.engine.sli.keptn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reliably.engine.sli.IndicatorValue;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Builds the {@code sh.keptn.event.get-sli.finished} CloudEvent an SLI provider answers with, laid out
 * as {@code keptn/go-utils} ({@code v0_2_0.GetSLIFinishedEventData}) and dynatrace-service write it:
 * a new {@code id}, {@code triggeredid} = the triggering event's id, the same {@code shkeptncontext};
 * {@code data} copies project, stage, service and labels and adds {@code status}, {@code result},
 * {@code message} and {@code get-sli: {start, end, indicatorValues}}.
 *
 * <p>{@code status} is {@code succeeded} once the queries ran ({@code errored} when they could not,
 * e.g. a broken {@code sli.yaml}); {@code result} is {@code pass} when every indicator has a value and
 * {@code fail} otherwise. go-utils spells it {@code fail} (Keptn's docs page says "failed"); the
 * lighthouse compares with go-utils' constant.
 */
public final class GetSliFinished {

    public static final String TYPE = "sh.keptn.event.get-sli.finished";
    public static final String SOURCE = "reliably";

    private final JsonNodeFactory json = JsonNodeFactory.instance;

    /** The event after the indicators were queried. */
    public ObjectNode succeeded(GetSliTriggered trigger, List<IndicatorValue> values, Instant now) {
        long failed = values.stream().filter(v -> !v.success()).count();
        String message = failed == 0 ? "" : failed + " of " + values.size() + " indicators could not be queried: "
                + String.join(", ", values.stream().filter(v -> !v.success()).map(IndicatorValue::metric).toList());
        return event(trigger, "succeeded", failed == 0 ? "pass" : "fail", message, values, now);
    }

    /** The event when the queries could not run; every requested indicator fails with the reason. */
    public ObjectNode errored(GetSliTriggered trigger, String reason, Instant now) {
        List<IndicatorValue> values = trigger.indicators().stream()
                .map(metric -> IndicatorValue.failed(metric, reason)).toList();
        return event(trigger, "errored", "fail", reason, values, now);
    }

    private ObjectNode event(GetSliTriggered trigger, String status, String result, String message,
            List<IndicatorValue> values, Instant now) {
        ObjectNode event = json.objectNode();
        event.put("specversion", "1.0");
        event.put("id", UUID.randomUUID().toString());
        event.put("source", SOURCE);
        event.put("type", TYPE);
        event.put("time", now.toString());
        event.put("datacontenttype", "application/json");
        if (trigger.keptnContext() != null) {
            event.put("shkeptncontext", trigger.keptnContext());
        }
        event.put("triggeredid", trigger.id());
        ObjectNode data = event.putObject("data");
        JsonNode source = trigger.data();
        for (String field : List.of("project", "stage", "service")) {
            if (source.hasNonNull(field)) {
                data.set(field, source.get(field));
            }
        }
        if (source.has("labels")) {
            data.set("labels", source.get("labels"));
        }
        data.put("status", status);
        data.put("result", result);
        data.put("message", message);
        ObjectNode getSli = data.putObject("get-sli");
        getSli.put("start", trigger.start());
        getSli.put("end", trigger.end());
        ArrayNode indicatorValues = getSli.putArray("indicatorValues");
        for (IndicatorValue value : values) {
            ObjectNode item = indicatorValues.addObject();
            item.put("metric", value.metric());
            item.put("value", value.value());
            item.put("success", value.success());
            item.put("message", value.message());
        }
        return event;
    }
}
