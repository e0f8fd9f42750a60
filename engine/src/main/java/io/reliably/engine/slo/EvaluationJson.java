package io.reliably.engine.slo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes an evaluation in Keptn's evaluation shape (what {@code reliably gate --json} prints and the
 * history keeps) and reads earlier ones back: our own output, Keptn's {@code evaluation.finished}
 * event data, or the whole CloudEvent.
 */
public final class EvaluationJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String EXPECTED = "a list of earlier evaluations, newest first, as reliably gate --json prints them";

    public ObjectNode toJson(Evaluation evaluation) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("result", evaluation.result().keyword());
        root.put("score", evaluation.score());
        ArrayNode compared = root.putArray("comparedEvents");
        evaluation.comparedEvents().forEach(compared::add);
        ArrayNode results = root.putArray("indicatorResults");
        for (IndicatorResult result : evaluation.indicatorResults()) {
            ObjectNode node = results.addObject();
            node.put("score", result.score());
            node.put("status", result.status().keyword());
            node.put("displayName", result.displayName());
            node.put("keySli", result.keySli());
            ObjectNode value = node.putObject("value");
            MeasuredValue measured = result.value();
            value.put("metric", measured.metric());
            value.put("value", measured.value());
            value.put("success", measured.success());
            value.put("message", measured.message());
            value.put("comparedValue", measured.comparedValue());
            targets(node.putArray("passTargets"), result.passTargets());
            targets(node.putArray("warningTargets"), result.warningTargets());
        }
        root.put("message", evaluation.message());
        root.put("id", evaluation.id());
        if (evaluation.timeStart() != null) {
            root.put("timeStart", evaluation.timeStart());
        }
        if (evaluation.timeEnd() != null) {
            root.put("timeEnd", evaluation.timeEnd());
        }
        if (evaluation.evaluatedAt() != null) {
            root.put("evaluatedAt", evaluation.evaluatedAt().toString());
        }
        return root;
    }

    private static void targets(ArrayNode array, List<Target> targets) {
        for (Target target : targets) {
            ObjectNode node = array.addObject();
            node.put("criteria", target.criteria());
            node.put("targetValue", target.targetValue());
            node.put("violated", target.violated());
        }
    }

    /** Pretty JSON. */
    public String toString(Evaluation evaluation) {
        try {
            return MAPPER.writeValueAsString(toJson(evaluation));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a history file: a list of evaluations, newest first (or a datastore's {@code {events: [...]}}). */
    public EvaluationHistory readHistory(Path file) throws InvalidSloException {
        return parseHistory(file.toString(), InputFiles.read(file));
    }

    public EvaluationHistory parseHistory(String fileName, String content) throws InvalidSloException {
        JsonNode root = InputFiles.parse(fileName, content, EXPECTED);
        JsonNode list = root.isObject() && root.has("events") ? root.get("events") : root;
        String prefix = list == root ? "" : "events";
        if (!list.isArray()) {
            throw new InvalidSloException(new SloProblem(fileName, prefix,
                    "expected " + EXPECTED + " but found " + InputFiles.describe(list)));
        }
        List<SloProblem> problems = new ArrayList<>();
        List<Evaluation> evaluations = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String path = prefix + "[" + i + "]";
            Evaluation evaluation = read(list.get(i), fileName, path, problems);
            if (evaluation != null) {
                evaluations.add(evaluation);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSloException(problems);
        }
        return new EvaluationHistory(fileName, evaluations);
    }

    /** Reads one evaluation written by {@link #toJson}, e.g. a file of the history directory. */
    public Evaluation read(String fileName, String content) throws InvalidSloException {
        JsonNode root = InputFiles.parse(fileName, content, "an evaluation as reliably gate --json prints it");
        List<SloProblem> problems = new ArrayList<>();
        Evaluation evaluation = read(root, fileName, "", problems);
        if (!problems.isEmpty()) {
            throw new InvalidSloException(problems);
        }
        return evaluation;
    }

    private static Evaluation read(JsonNode node, String file, String path, List<SloProblem> problems) {
        if (!node.isObject()) {
            problems.add(new SloProblem(file, path, "expected an evaluation (an object with result and "
                    + "indicatorResults) but found " + InputFiles.describe(node)));
            return null;
        }
        String id = text(node.get("id"));
        JsonNode data = node;
        if (node.get("data") != null && node.get("data").isObject()) {
            data = node.get("data"); // a whole CloudEvent
            path = join(path, "data");
        }
        JsonNode details = data;
        String detailsPath = path;
        if (data.get("evaluation") != null && data.get("evaluation").isObject()) {
            details = data.get("evaluation"); // Keptn's evaluation.finished event data
            detailsPath = join(path, "evaluation");
        }
        if (id == null) {
            id = text(data.get("id"));
        }
        if (id == null) {
            id = file + path; // an honest locator for comparedEvents when the entry has no id
        }
        JsonNode resultNode = data.get("result");
        Optional<GateResult> result = resultNode != null && resultNode.isTextual()
                ? GateResult.of(resultNode.asText()) : Optional.empty();
        if (result.isEmpty()) {
            problems.add(new SloProblem(file, join(path, "result"),
                    "expected pass, warning or fail but found " + InputFiles.describe(resultNode)));
        }
        List<IndicatorResult> results = new ArrayList<>();
        JsonNode list = details.get("indicatorResults");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                problems.add(new SloProblem(file, join(detailsPath, "indicatorResults"),
                        "expected a list but found " + InputFiles.describe(list)));
            } else {
                for (int i = 0; i < list.size(); i++) {
                    IndicatorResult r = indicator(list.get(i), file,
                            join(detailsPath, "indicatorResults") + "[" + i + "]", problems);
                    if (r != null) {
                        results.add(r);
                    }
                }
            }
        }
        List<String> compared = new ArrayList<>();
        JsonNode comparedNode = details.get("comparedEvents");
        if (comparedNode != null && comparedNode.isArray()) {
            comparedNode.forEach(c -> compared.add(c.asText()));
        }
        Instant evaluatedAt = null;
        String at = text(node.get("evaluatedAt"));
        if (at == null) {
            at = text(node.get("time"));
        }
        if (at != null) {
            try {
                evaluatedAt = Instant.parse(at);
            } catch (DateTimeParseException e) {
                problems.add(new SloProblem(file, join(path, "evaluatedAt"),
                        "expected an RFC 3339 UTC time such as 2026-01-31T12:00:00Z but found '" + at + "'"));
            }
        }
        String message = text(data.get("message"));
        double score = details.path("score").asDouble(0);
        if (result.isEmpty()) {
            return null;
        }
        return new Evaluation(id, result.get(), score, compared, results, message,
                text(details.get("timeStart")), text(details.get("timeEnd")), evaluatedAt);
    }

    private static IndicatorResult indicator(JsonNode node, String file, String path, List<SloProblem> problems) {
        if (!node.isObject()) {
            problems.add(new SloProblem(file, path, "expected an indicator result but found " + InputFiles.describe(node)));
            return null;
        }
        JsonNode value = node.get("value");
        if (value == null || value.isNull()) {
            return null; // Keptn skips results without a value
        }
        String metric = text(value.get("metric"));
        if (metric == null) {
            problems.add(new SloProblem(file, path + ".value.metric",
                    "expected the indicator's name but found " + InputFiles.describe(value.get("metric"))));
            return null;
        }
        JsonNode number = value.get("value");
        if (number != null && !number.isNull() && !number.isNumber()) {
            problems.add(new SloProblem(file, path + ".value.value",
                    "expected a number but found " + InputFiles.describe(number)));
            return null;
        }
        JsonNode compared = value.get("comparedValue");
        MeasuredValue measured = new MeasuredValue(metric, value.path("value").asDouble(0),
                value.path("success").asBoolean(false), text(value.get("message")),
                compared != null && compared.isNumber() ? compared.asDouble() : null);
        return new IndicatorResult(node.path("score").asDouble(0),
                ObjectiveStatus.of(node.path("status").asText("fail")), text(node.get("displayName")),
                node.path("keySli").asBoolean(false), measured, targets(node.get("passTargets")),
                targets(node.get("warningTargets")));
    }

    private static List<Target> targets(JsonNode node) {
        List<Target> targets = new ArrayList<>();
        if (node != null && node.isArray()) {
            for (JsonNode t : node) {
                JsonNode value = t.get("targetValue");
                targets.add(new Target(t.path("criteria").asText(""),
                        value != null && value.isNumber() ? value.asDouble() : null, t.path("violated").asBoolean(false)));
            }
        }
        return targets;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || !node.isValueNode() ? null : node.asText();
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
