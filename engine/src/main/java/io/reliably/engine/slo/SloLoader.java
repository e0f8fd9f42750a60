package io.reliably.engine.slo;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Loads a Keptn {@code slo.yaml} (YAML or JSON) and applies Keptn's defaults ({@code parseSLO}). Every
 * problem is collected in one pass; each names the file, the field and what was expected. Beyond
 * Keptn, unknown fields, unknown enumerations, malformed criteria and a missing
 * {@code total_score.pass} are errors instead of silent zeros.
 */
public final class SloLoader {

    private static final String EXPECTED = "a Keptn slo.yaml with spec_version, objectives and total_score";
    private static final Set<String> TOP = Set.of("spec_version", "filter", "comparison", "objectives", "total_score");
    private static final Set<String> COMPARISON = Set.of("compare_with", "include_result_with_score",
            "number_of_comparison_results", "aggregate_function");
    private static final Set<String> OBJECTIVE = Set.of("sli", "displayName", "key_sli", "weight", "pass", "warning");
    private static final Set<String> CRITERIA_SET = Set.of("criteria");
    private static final Set<String> SCORE = Set.of("pass", "warning");

    public Slo load(Path file) throws InvalidSloException {
        return parse(file.toString(), InputFiles.read(file));
    }

    public Slo parse(String fileName, String content) throws InvalidSloException {
        JsonNode root = InputFiles.parse(fileName, content, EXPECTED);
        Reader reader = new Reader(fileName);
        Slo slo = reader.slo(root);
        if (!reader.problems.isEmpty()) {
            throw new InvalidSloException(reader.problems);
        }
        return slo;
    }

    /** One pass over one file, collecting problems. */
    private static final class Reader {
        private final String file;
        private final List<SloProblem> problems = new ArrayList<>();

        Reader(String file) {
            this.file = file;
        }

        private void problem(String path, String message) {
            problems.add(new SloProblem(file, path, message));
        }

        Slo slo(JsonNode root) {
            if (!root.isObject()) {
                problem("", "expected " + EXPECTED + " (an object) but found " + InputFiles.describe(root));
                return null;
            }
            unknownFields(root, "", TOP);
            String specVersion = optionalText(root.get("spec_version"), "spec_version", "a version such as \"1.0\"");
            Map<String, String> filter = filter(root.get("filter"));
            Comparison comparison = comparison(root.get("comparison"));
            List<Objective> objectives = objectives(root.get("objectives"));
            TotalScore totalScore = totalScore(root.get("total_score"));
            return new Slo(file, specVersion, filter, comparison, objectives, totalScore);
        }

        private void unknownFields(JsonNode node, String path, Set<String> known) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!known.contains(name)) {
                    problem(join(path, name), "unknown field; expected one of " + String.join(", ", sorted(known)));
                }
            }
        }

        private static List<String> sorted(Set<String> names) {
            return names.stream().sorted().toList();
        }

        private static String join(String path, String name) {
            return path.isEmpty() ? name : path + "." + name;
        }

        private static boolean absent(JsonNode node) {
            return node == null || node.isNull() || node.isMissingNode();
        }

        private String optionalText(JsonNode node, String path, String expected) {
            if (absent(node)) {
                return "";
            }
            if (!node.isValueNode()) {
                problem(path, "expected " + expected + " but found " + InputFiles.describe(node));
                return "";
            }
            return node.asText();
        }

        private Map<String, String> filter(JsonNode node) {
            Map<String, String> filter = new LinkedHashMap<>();
            if (absent(node)) {
                return filter;
            }
            if (!node.isObject()) {
                problem("filter", "expected a map of key: value but found " + InputFiles.describe(node));
                return filter;
            }
            node.fields().forEachRemaining(e -> {
                if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                    filter.put(e.getKey(), e.getValue().asText());
                } else {
                    problem("filter." + e.getKey(), "expected a text value but found " + InputFiles.describe(e.getValue()));
                }
            });
            return filter;
        }

        /** Keptn's {@code parseSLO} defaults: no block → single_result/all/1/avg; missing fields → all/3/avg. */
        private Comparison comparison(JsonNode node) {
            if (absent(node)) {
                return Comparison.keptnDefault();
            }
            if (!node.isObject()) {
                problem("comparison", "expected an object with compare_with, include_result_with_score, "
                        + "number_of_comparison_results, aggregate_function but found " + InputFiles.describe(node));
                return Comparison.keptnDefault();
            }
            unknownFields(node, "comparison", COMPARISON);
            String compareWith = optionalText(node.get("compare_with"), "comparison.compare_with",
                    "single_result or several_results");
            IncludeResults include = IncludeResults.ALL;
            String includeText = optionalText(node.get("include_result_with_score"),
                    "comparison.include_result_with_score", "pass, pass_or_warn or all");
            if (!includeText.isEmpty()) {
                Optional<IncludeResults> known = IncludeResults.of(includeText);
                if (known.isPresent()) {
                    include = known.get();
                } else {
                    problem("comparison.include_result_with_score",
                            "expected pass, pass_or_warn or all but found '" + includeText + "'");
                }
            }
            int number = 3;
            JsonNode numberNode = node.get("number_of_comparison_results");
            if (!absent(numberNode)) {
                if (numberNode.canConvertToExactIntegral() && numberNode.isNumber() && numberNode.asInt() >= 0) {
                    number = numberNode.asInt() == 0 ? 3 : numberNode.asInt();
                } else {
                    problem("comparison.number_of_comparison_results",
                            "expected a positive whole number but found " + InputFiles.describe(numberNode));
                }
            }
            Aggregation aggregation = Aggregation.AVG;
            String aggregationText = optionalText(node.get("aggregate_function"), "comparison.aggregate_function",
                    "avg, p50, p90 or p95");
            if (!aggregationText.isEmpty()) {
                Optional<Aggregation> known = Aggregation.of(aggregationText);
                if (known.isPresent()) {
                    aggregation = known.get();
                } else {
                    problem("comparison.aggregate_function",
                            "expected avg, p50, p90 or p95 but found '" + aggregationText + "'");
                }
            }
            return new Comparison(compareWith, include, number, aggregation);
        }

        private List<Objective> objectives(JsonNode node) {
            List<Objective> objectives = new ArrayList<>();
            if (absent(node)) {
                return objectives;
            }
            if (!node.isArray()) {
                problem("objectives", "expected a list of objectives but found " + InputFiles.describe(node));
                return objectives;
            }
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                if (item.isNull()) {
                    continue; // Keptn skips empty list entries
                }
                Objective objective = objective(item, "objectives[" + i + "]");
                if (objective != null) {
                    objectives.add(objective);
                }
            }
            return objectives;
        }

        private Objective objective(JsonNode node, String path) {
            if (!node.isObject()) {
                problem(path, "expected an objective (an object with sli, pass, ...) but found " + InputFiles.describe(node));
                return null;
            }
            unknownFields(node, path, OBJECTIVE);
            JsonNode sliNode = node.get("sli");
            String sli = "";
            if (absent(sliNode) || !sliNode.isValueNode() || sliNode.asText().isBlank()) {
                problem(path + ".sli", "expected the indicator's name but found " + InputFiles.describe(sliNode));
            } else {
                sli = sliNode.asText();
            }
            String displayName = optionalText(node.get("displayName"), path + ".displayName", "a text");
            boolean keySli = false;
            JsonNode keyNode = node.get("key_sli");
            if (!absent(keyNode)) {
                if (keyNode.isBoolean()) {
                    keySli = keyNode.asBoolean();
                } else {
                    problem(path + ".key_sli", "expected true or false but found " + InputFiles.describe(keyNode));
                }
            }
            int weight = 1;
            JsonNode weightNode = node.get("weight");
            if (!absent(weightNode)) {
                if (weightNode.isNumber() && weightNode.canConvertToExactIntegral() && weightNode.asInt() >= 0) {
                    weight = weightNode.asInt() == 0 ? 1 : weightNode.asInt();
                } else {
                    problem(path + ".weight", "expected a positive whole number but found " + InputFiles.describe(weightNode));
                }
            }
            List<CriteriaSet> pass = criteriaSets(node.get("pass"), path + ".pass");
            List<CriteriaSet> warning = criteriaSets(node.get("warning"), path + ".warning");
            return new Objective(sli, displayName, keySli, weight, pass, warning);
        }

        private List<CriteriaSet> criteriaSets(JsonNode node, String path) {
            List<CriteriaSet> sets = new ArrayList<>();
            if (absent(node)) {
                return sets;
            }
            if (!node.isArray()) {
                problem(path, "expected a list of {criteria: [...]} but found " + InputFiles.describe(node));
                return sets;
            }
            for (int i = 0; i < node.size(); i++) {
                String at = path + "[" + i + "]";
                JsonNode item = node.get(i);
                if (!item.isObject()) {
                    problem(at, "expected {criteria: [...]} but found " + InputFiles.describe(item));
                    continue;
                }
                unknownFields(item, at, CRITERIA_SET);
                JsonNode list = item.get("criteria");
                if (absent(list) || !list.isArray() || list.isEmpty()) {
                    problem(at + ".criteria", "expected a list of at least one criterion such as \"<600\" but found "
                            + InputFiles.describe(list));
                    continue;
                }
                List<Criterion> criteria = new ArrayList<>();
                for (int j = 0; j < list.size(); j++) {
                    JsonNode text = list.get(j);
                    String where = at + ".criteria[" + j + "]";
                    if (!text.isTextual()) {
                        problem(where, "expected a criterion text such as \"<600\" but found " + InputFiles.describe(text));
                        continue;
                    }
                    try {
                        criteria.add(Criterion.parse(text.asText()));
                    } catch (IllegalArgumentException e) {
                        problem(where, e.getMessage());
                    }
                }
                sets.add(new CriteriaSet(criteria));
            }
            return sets;
        }

        private TotalScore totalScore(JsonNode node) {
            if (absent(node)) {
                problem("total_score", "missing; expected total_score: {pass: \"90%\", warning: \"75%\"}");
                return null;
            }
            if (!node.isObject()) {
                problem("total_score", "expected {pass: \"90%\", warning: \"75%\"} but found " + InputFiles.describe(node));
                return null;
            }
            unknownFields(node, "total_score", SCORE);
            JsonNode passNode = node.get("pass");
            OptionalDouble pass = OptionalDouble.empty();
            if (absent(passNode)) {
                problem("total_score.pass", "missing; expected the percentage needed to pass, such as \"90%\"");
            } else {
                pass = percentage(passNode, "total_score.pass");
            }
            JsonNode warningNode = node.get("warning");
            OptionalDouble warning = OptionalDouble.empty();
            if (!absent(warningNode) && !warningNode.asText().isEmpty()) {
                warning = percentage(warningNode, "total_score.warning");
            }
            return pass.isPresent() ? new TotalScore(pass.getAsDouble(), warning) : null;
        }

        /** Keptn trims one trailing {@code %} and reads the rest as a number. */
        private OptionalDouble percentage(JsonNode node, String path) {
            if (node.isNumber()) {
                return OptionalDouble.of(node.asDouble());
            }
            String text = node.isTextual() ? node.asText() : null;
            if (text != null) {
                String number = text.endsWith("%") ? text.substring(0, text.length() - 1) : text;
                if (number.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                    return OptionalDouble.of(Double.parseDouble(number));
                }
            }
            problem(path, "expected a percentage such as \"90%\" but found " + InputFiles.describe(node));
            return OptionalDouble.empty();
        }
    }
}
