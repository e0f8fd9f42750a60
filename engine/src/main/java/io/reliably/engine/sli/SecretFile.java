package io.reliably.engine.sli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON or YAML file standing in for the Kubernetes secrets metrics name. Two shapes:
 * <ul>
 *   <li>a flat map {@code key: value}: one secret that answers every reference;</li>
 *   <li>a map of secret name to such a map: {@code secret: myns/nrcredentials} finds the entry
 *       {@code myns/nrcredentials}, or else {@code nrcredentials}.</li>
 * </ul>
 * Values are read as text. Problems never quote a value.
 */
public final class SecretFile implements SecretStore {

    private final String file;
    private final Map<String, String> flat;
    private final Map<String, Map<String, String>> named;

    private SecretFile(String file, Map<String, String> flat, Map<String, Map<String, String>> named) {
        this.file = file;
        this.flat = flat;
        this.named = named;
    }

    public static SecretFile load(Path path) throws InvalidSliException {
        DocumentReader reader = new DocumentReader();
        return parse(path.toString(), reader.read(path));
    }

    public static SecretFile parse(String fileName, String content) throws InvalidSliException {
        List<JsonNode> documents = new DocumentReader().documents(fileName, content);
        if (documents.size() != 1 || !documents.get(0).isObject()) {
            throw new InvalidSliException(new SliProblem(fileName, "", "expected a map of key to value, or of secret "
                    + "name to such a map"));
        }
        JsonNode root = documents.get(0);
        boolean allScalars = true;
        boolean allMaps = true;
        for (JsonNode value : root) {
            allScalars &= value.isValueNode() && !value.isNull();
            allMaps &= value.isObject();
        }
        if (allScalars) {
            return new SecretFile(fileName, strings(root), null);
        }
        if (!allMaps) {
            throw new InvalidSliException(new SliProblem(fileName, "", "mixes plain values and secrets; expected either "
                    + "key: value entries only, or secret-name: {key: value} entries only"));
        }
        Map<String, Map<String, String>> named = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> keys = entry.getValue().fields(); keys.hasNext(); ) {
                Map.Entry<String, JsonNode> key = keys.next();
                if (!key.getValue().isValueNode() || key.getValue().isNull()) {
                    throw new InvalidSliException(new SliProblem(fileName, entry.getKey() + "." + key.getKey(),
                            "expected a string value"));
                }
            }
            named.put(entry.getKey(), strings(entry.getValue()));
        }
        return new SecretFile(fileName, null, named);
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        return Map.copyOf(values);
    }

    @Override
    public Optional<Map<String, String>> secret(String reference) {
        if (flat != null) {
            return Optional.of(flat);
        }
        Map<String, String> found = named.get(reference);
        if (found == null && reference.contains("/")) {
            found = named.get(reference.substring(reference.indexOf('/') + 1));
        }
        return Optional.ofNullable(found);
    }

    @Override
    public String description() {
        return "secret file " + file;
    }
}
