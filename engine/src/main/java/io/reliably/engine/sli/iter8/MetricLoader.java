package io.reliably.engine.sli.iter8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reliably.engine.sli.DocumentReader;
import io.reliably.engine.sli.InvalidSliException;
import io.reliably.engine.sli.SliProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.thisptr.jackson.jq.Scope;
import net.thisptr.jackson.jq.exception.JsonQueryException;

/**
 * Loads Iter8 metric definitions as Iter8 users write them: a whole {@code Metric} resource
 * ({@code apiVersion}, {@code kind}, {@code metadata}, {@code spec}), a {@code MetricList}, or a bare
 * spec with a {@code name}; JSON or YAML, several YAML documents per file, or a JSON/YAML list. Checks
 * every field and reports all problems at once, each naming the file, the field and what was expected.
 */
public final class MetricLoader {

    static final Set<String> SPEC_FIELDS = Set.of("params", "description", "units", "type", "sampleSize",
            "authType", "method", "body", "provider", "jqExpression", "secret", "headerTemplates", "urlTemplate",
            "mock");

    private final DocumentReader reader = new DocumentReader();
    private final ObjectMapper mapper = new ObjectMapper();
    private final Scope builtins;

    public MetricLoader() {
        this.builtins = JqNumber.builtins();
    }

    /** Loads every definition of these files; names must be unique across them. */
    public List<MetricDefinition> load(List<Path> files) throws InvalidSliException {
        List<MetricDefinition> all = new ArrayList<>();
        List<SliProblem> problems = new ArrayList<>();
        for (Path file : files) {
            try {
                all.addAll(load(file));
            } catch (InvalidSliException e) {
                problems.addAll(e.problems());
            }
        }
        Map<String, MetricDefinition> seen = new LinkedHashMap<>();
        for (MetricDefinition definition : all) {
            MetricDefinition earlier = seen.putIfAbsent(definition.name(), definition);
            if (earlier != null) {
                problems.add(new SliProblem(definition.file(), definition.at("metadata.name"), "metric '"
                        + definition.name() + "' is defined twice (also in " + earlier.file() + "); expected unique names"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSliException(problems);
        }
        return all;
    }

    public List<MetricDefinition> load(Path file) throws InvalidSliException {
        return parse(file.toString(), reader.read(file));
    }

    /** Parses the definitions of one text. */
    public List<MetricDefinition> parse(String fileName, String content) throws InvalidSliException {
        List<JsonNode> documents = reader.documents(fileName, content);
        List<SliProblem> problems = new ArrayList<>();
        List<MetricDefinition> definitions = new ArrayList<>();
        if (documents.isEmpty()) {
            throw new InvalidSliException(new SliProblem(fileName, "", "holds no metric definition; expected an Iter8 "
                    + "Metric (apiVersion, kind: Metric, metadata.name, spec) or a spec with a name"));
        }
        for (int i = 0; i < documents.size(); i++) {
            String path = documents.size() == 1 ? "" : "documents[" + i + "]";
            collect(fileName, path, documents.get(i), definitions, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidSliException(problems);
        }
        return definitions;
    }

    /** Parses one definition (for a {@code --provider FILE} template, whose name is not needed). */
    public MetricDefinition parseOne(String fileName, String content, String defaultName) throws InvalidSliException {
        List<JsonNode> documents = reader.documents(fileName, content);
        if (documents.size() != 1 || !documents.get(0).isObject()) {
            throw new InvalidSliException(new SliProblem(fileName, "", "expected exactly one metric definition, found "
                    + (documents.size() == 1 ? "a " + kind(documents.get(0)) : documents.size() + " documents")));
        }
        JsonNode document = documents.get(0);
        List<SliProblem> problems = new ArrayList<>();
        List<MetricDefinition> definitions = new ArrayList<>();
        if (!document.has("metadata") && !document.has("name") && document.isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode named = document.deepCopy();
            if (named.has("spec")) {
                named.putObject("metadata").put("name", defaultName);
            } else {
                named.put("name", defaultName);
            }
            document = named;
        } else if (document.has("metadata") && !document.path("metadata").has("name") && document.path("metadata").isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode named = document.deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) named.get("metadata")).put("name", defaultName);
            document = named;
        }
        collect(fileName, "", document, definitions, problems);
        if (!problems.isEmpty()) {
            throw new InvalidSliException(problems);
        }
        return definitions.get(0);
    }

    private void collect(String file, String path, JsonNode document, List<MetricDefinition> out, List<SliProblem> problems) {
        if (document.isArray()) {
            for (int i = 0; i < document.size(); i++) {
                collect(file, join(path, "[" + i + "]"), document.get(i), out, problems);
            }
            return;
        }
        if (!document.isObject()) {
            problems.add(new SliProblem(file, path, "expected a metric definition (an object), found " + kind(document)));
            return;
        }
        String kind = document.path("kind").asText("");
        if ("MetricList".equals(kind) || (kind.isEmpty() && document.has("items"))) {
            JsonNode items = document.path("items");
            if (!items.isArray()) {
                problems.add(new SliProblem(file, join(path, "items"), "expected a list of Metric resources"));
                return;
            }
            for (int i = 0; i < items.size(); i++) {
                collect(file, join(path, "items[" + i + "]"), items.get(i), out, problems);
            }
            return;
        }
        if (document.has("spec") || document.has("kind") || document.has("metadata") || document.has("apiVersion")) {
            resource(file, path, document, kind, out, problems);
        } else {
            String name = text(file, join(path, "name"), document.get("name"), problems);
            if (name == null || name.isBlank()) {
                if (document.get("name") == null) {
                    problems.add(new SliProblem(file, join(path, "name"),
                            "is missing; a bare metric spec needs a name (or use a Metric resource with metadata.name)"));
                }
                return;
            }
            spec(file, path, path, name, document, Set.of("name"), out, problems);
        }
    }

    private void resource(String file, String path, JsonNode document, String kind, List<MetricDefinition> out,
            List<SliProblem> problems) {
        if (!kind.isEmpty() && !"Metric".equals(kind)) {
            problems.add(new SliProblem(file, join(path, "kind"), "expected Metric or MetricList, found '" + kind + "'"));
            return;
        }
        for (Iterator<String> names = document.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!Set.of("apiVersion", "kind", "metadata", "spec").contains(field)) {
                problems.add(new SliProblem(file, join(path, field),
                        "unknown field; expected apiVersion, kind, metadata and spec"));
            }
        }
        JsonNode nameNode = document.path("metadata").get("name");
        String name = text(file, join(path, "metadata.name"), nameNode, problems);
        if (nameNode == null) {
            problems.add(new SliProblem(file, join(path, "metadata.name"), "is missing; expected the metric's name"));
        }
        JsonNode spec = document.get("spec");
        if (spec == null || !spec.isObject()) {
            problems.add(new SliProblem(file, join(path, "spec"), spec == null ? "is missing; expected the metric's spec"
                    : "expected an object, found " + kind(spec)));
            return;
        }
        if (name != null && !name.isBlank()) {
            spec(file, path, join(path, "spec"), name, spec, Set.of(), out, problems);
        }
    }

    private void spec(String file, String definitionPath, String path, String name, JsonNode spec, Set<String> extra,
            List<MetricDefinition> out, List<SliProblem> problems) {
        int before = problems.size();
        for (Iterator<String> names = spec.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!SPEC_FIELDS.contains(field) && !extra.contains(field)) {
                problems.add(new SliProblem(file, join(path, field), "unknown field; expected one of "
                        + new java.util.TreeSet<>(SPEC_FIELDS)));
            }
        }
        if (spec.has("mock")) {
            problems.add(new SliProblem(file, join(path, "mock"), "mock metrics are not supported; expected a real "
                    + "query (urlTemplate and jqExpression)"));
        }
        String urlTemplate = text(file, join(path, "urlTemplate"), spec.get("urlTemplate"), problems);
        if (spec.get("urlTemplate") == null || (urlTemplate != null && urlTemplate.isBlank())) {
            problems.add(new SliProblem(file, join(path, "urlTemplate"),
                    "is missing; expected the URL of the metric store's query API (a string)"));
        }
        String expression = text(file, join(path, "jqExpression"), spec.get("jqExpression"), problems);
        JqNumber jq = null;
        if (spec.get("jqExpression") == null) {
            problems.add(new SliProblem(file, join(path, "jqExpression"),
                    "is missing; expected a jq expression giving a number, e.g. '.data.result[0].value[1] | tonumber'"));
        } else if (expression != null) {
            try {
                jq = JqNumber.compile(expression.isBlank() ? "." : expression, builtins);
            } catch (JsonQueryException | RuntimeException e) {
                problems.add(new SliProblem(file, join(path, "jqExpression"), "'" + expression
                        + "' does not parse as jq (" + firstLine(e.getMessage()) + "); expected a jq expression giving a number"));
            }
        }
        String method = text(file, join(path, "method"), spec.get("method"), problems);
        if (method == null) {
            method = "GET";
        } else if (!method.equals("GET") && !method.equals("POST")) {
            problems.add(new SliProblem(file, join(path, "method"), "expected GET or POST, found '" + method + "'"));
        }
        AuthType authType = null;
        String auth = text(file, join(path, "authType"), spec.get("authType"), problems);
        if (auth != null) {
            try {
                authType = AuthType.valueOf(auth);
            } catch (IllegalArgumentException e) {
                problems.add(new SliProblem(file, join(path, "authType"),
                        "expected Basic, Bearer or APIKey, found '" + auth + "'"));
            }
        }
        MetricType type = MetricType.Gauge;
        String typeText = text(file, join(path, "type"), spec.get("type"), problems);
        if (typeText != null) {
            try {
                type = MetricType.valueOf(typeText);
            } catch (IllegalArgumentException e) {
                problems.add(new SliProblem(file, join(path, "type"), "expected Counter or Gauge, found '" + typeText + "'"));
            }
        }
        String secret = text(file, join(path, "secret"), spec.get("secret"), problems);
        if (secret != null && (secret.isBlank() || secret.split("/", -1).length > 2)) {
            problems.add(new SliProblem(file, join(path, "secret"), "expected [namespace/]name, found '" + secret + "'"));
        }
        if (authType == AuthType.Basic && secret == null) {
            problems.add(new SliProblem(file, join(path, "secret"), "is missing; authType Basic needs a secret "
                    + "with the keys username and password"));
        }
        String body = null;
        JsonNode bodyNode = spec.get("body");
        if (bodyNode != null && !bodyNode.isNull()) {
            if (bodyNode.isTextual()) {
                body = bodyNode.textValue();
            } else if (bodyNode.isContainerNode()) {
                try {
                    body = mapper.writeValueAsString(bodyNode);
                } catch (JsonProcessingException e) {
                    problems.add(new SliProblem(file, join(path, "body"), "cannot be written as JSON"));
                }
            } else {
                problems.add(new SliProblem(file, join(path, "body"),
                        "expected a string holding a JSON template, found " + kind(bodyNode)));
            }
        }
        List<NamedValue> params = namedValues(file, join(path, "params"), spec.get("params"), problems);
        List<NamedValue> headers = namedValues(file, join(path, "headerTemplates"), spec.get("headerTemplates"), problems);
        String description = text(file, join(path, "description"), spec.get("description"), problems);
        String units = text(file, join(path, "units"), spec.get("units"), problems);
        String provider = text(file, join(path, "provider"), spec.get("provider"), problems);
        text(file, join(path, "sampleSize"), spec.get("sampleSize"), problems);
        if (problems.size() == before) {
            out.add(new MetricDefinition(file, definitionPath, name, description, units, type, method, params, body,
                    headers, authType, secret, jq, urlTemplate, provider));
        }
    }

    private static List<NamedValue> namedValues(String file, String path, JsonNode node, List<SliProblem> problems) {
        List<NamedValue> values = new ArrayList<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (!node.isArray()) {
            problems.add(new SliProblem(file, path, "expected a list of {name, value}, found " + kind(node)));
            return values;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String at = path + "[" + i + "]";
            if (!item.isObject()) {
                problems.add(new SliProblem(file, at, "expected {name, value}, found " + kind(item)));
                continue;
            }
            JsonNode name = item.get("name");
            JsonNode value = item.get("value");
            if (name == null || !name.isValueNode() || name.asText().isBlank()) {
                problems.add(new SliProblem(file, at + ".name", "is missing; expected a non-empty string"));
                continue;
            }
            if (value == null || !value.isValueNode() || value.isNull()) {
                problems.add(new SliProblem(file, at + ".value", value == null ? "is missing; expected a string"
                        : "expected a string, found " + kind(value)));
                continue;
            }
            values.add(new NamedValue(name.asText(), value.asText()));
        }
        return values;
    }

    private static String text(String file, String path, JsonNode node, List<SliProblem> problems) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isValueNode()) {
            problems.add(new SliProblem(file, path, "expected a string, found " + kind(node)));
            return null;
        }
        return node.asText();
    }

    static String kind(JsonNode node) {
        if (node == null || node.isNull()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static String join(String path, String field) {
        if (path == null || path.isEmpty()) {
            return field;
        }
        return field.startsWith("[") ? path + field : path + "." + field;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "syntax error";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
