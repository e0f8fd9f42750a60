package io.reliably.engine.slo;

import com.fasterxml.jackson.databind.JsonNode;
import io.reliably.engine.sli.IndicatorValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the indicator values a gate judges ({@code --sli-values}): a list of Keptn indicator values
 * {@code {metric, value, success, message}}, the {@code {"indicators": [...]}} that
 * {@code reliably sli --json} prints, or Keptn's {@code get-sli.finished} event (data or whole
 * CloudEvent). A provider-level failure ({@code result: fail}, {@code status: errored|aborted} or an
 * {@code error} text) is carried along so the gate fails with it.
 */
public final class SliValuesReader {

    private static final String EXPECTED = "a list of indicator values {metric, value, success, message}";

    public SliValues read(Path file) throws InvalidSloException {
        return parse(file.toString(), InputFiles.read(file));
    }

    public SliValues parse(String fileName, String content) throws InvalidSloException {
        JsonNode root = InputFiles.parse(fileName, content, EXPECTED);
        List<SloProblem> problems = new ArrayList<>();
        String path = "";
        JsonNode data = root;
        if (root.isObject() && root.get("data") != null && root.get("data").isObject()) {
            data = root.get("data"); // a whole CloudEvent
            path = "data";
        }
        JsonNode list = data;
        String listPath = path;
        String failure = null;
        String start = null;
        String end = null;
        if (data.isObject()) {
            JsonNode getSli = data.has("get-sli") ? data.get("get-sli") : data.get("getSLI");
            if (getSli != null && getSli.isObject()) {
                String key = data.has("get-sli") ? "get-sli" : "getSLI";
                list = getSli.get("indicatorValues");
                listPath = join(path, key + ".indicatorValues");
                start = text(getSli.get("start"));
                end = text(getSli.get("end"));
            } else {
                list = data.get("indicators");
                listPath = join(path, "indicators");
            }
            failure = failure(data);
            if (list == null || list.isNull()) {
                if (failure == null) {
                    problems.add(new SloProblem(fileName, listPath, "missing; expected " + EXPECTED));
                }
                list = null;
            }
        }
        List<IndicatorValue> values = new ArrayList<>();
        if (list != null) {
            if (!list.isArray()) {
                problems.add(new SloProblem(fileName, listPath, "expected " + EXPECTED + " but found "
                        + InputFiles.describe(list)));
            } else {
                for (int i = 0; i < list.size(); i++) {
                    IndicatorValue value = value(list.get(i), fileName, listPath + "[" + i + "]", problems);
                    if (value != null) {
                        values.add(value);
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSloException(problems);
        }
        return new SliValues(values, failure, start, end);
    }

    /** Keptn's provider-level failure: status errored or aborted, or result fail; or our own error text. */
    private static String failure(JsonNode data) {
        String message = text(data.get("message"));
        String error = text(data.get("error"));
        if (error != null && !error.isBlank()) {
            return error;
        }
        String status = lower(text(data.get("status")));
        if (status.equals("errored") || status.equals("aborted")) {
            return message == null || message.isBlank() ? "status " + status : message;
        }
        String result = lower(text(data.get("result")));
        if (result.equals("fail") || result.equals("failed")) {
            return message == null || message.isBlank() ? "result fail" : message;
        }
        return null;
    }

    private static IndicatorValue value(JsonNode node, String file, String path, List<SloProblem> problems) {
        if (!node.isObject()) {
            problems.add(new SloProblem(file, path, "expected {metric, value, success, message} but found "
                    + InputFiles.describe(node)));
            return null;
        }
        boolean ok = true;
        JsonNode metric = node.get("metric");
        if (metric == null || !metric.isTextual() || metric.asText().isBlank()) {
            problems.add(new SloProblem(file, path + ".metric", "expected the indicator's name but found "
                    + InputFiles.describe(metric)));
            ok = false;
        }
        JsonNode value = node.get("value");
        if (value != null && !value.isNull() && !value.isNumber()) {
            problems.add(new SloProblem(file, path + ".value", "expected a number but found " + InputFiles.describe(value)));
            ok = false;
        }
        JsonNode success = node.get("success");
        if (success != null && !success.isNull() && !success.isBoolean()) {
            problems.add(new SloProblem(file, path + ".success", "expected true or false but found "
                    + InputFiles.describe(success)));
            ok = false;
        }
        if (!ok) {
            return null;
        }
        boolean succeeded = success == null || success.isNull() || success.asBoolean();
        return new IndicatorValue(metric.asText(), value == null ? 0 : value.asDouble(), succeeded,
                text(node.get("message")));
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || !node.isValueNode() ? null : node.asText();
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
