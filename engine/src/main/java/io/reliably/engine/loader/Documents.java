package io.reliably.engine.loader;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a JSON or YAML document into a Jackson tree, bounded so that no input can exhaust memory,
 * the stack or time: a size limit, a nesting limit, an alias limit and a limit on the values an
 * aliased YAML document expands to (billion laughs). YAML is read as YAML 1.1, as PyYAML reads it
 * (aliases expanded, merge keys, {@code yes}/{@code no} booleans).
 */
public final class Documents {

    /** Largest document read, in characters. */
    public static final int MAX_CHARS = 4 * 1024 * 1024;
    /** Deepest nesting of lists and objects. */
    public static final int MAX_DEPTH = 100;
    /** Most values (after YAML aliases are expanded). */
    public static final int MAX_VALUES = 500_000;
    private static final int MAX_ALIASES = 100;

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxDocumentLength(MAX_CHARS)
                    .maxStringLength(MAX_CHARS)
                    .maxNumberLength(1000)
                    .build())
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Documents() {
    }

    /**
     * Reads a file as UTF-8 text.
     *
     * @throws InvalidExperimentException when it cannot be read, is too large or is not text
     */
    public static String readText(Path file) throws InvalidExperimentException {
        String name = file.toString();
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_CHARS * 4 + 1);
        } catch (NoSuchFileException e) {
            throw invalid(name, "the file does not exist");
        } catch (IOException e) {
            throw invalid(name, "the file cannot be read: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        if (bytes.length > MAX_CHARS * 4) {
            throw invalid(name, "the file is larger than " + MAX_CHARS + " characters");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw invalid(name, "the file is not UTF-8 text (is it a binary file?)");
        }
    }

    /**
     * Reads JSON or YAML, recognised by content: a document whose first character is <code>{</code>
     * or {@code [} is read as JSON, and as YAML when that fails; anything else as YAML.
     *
     * @param file the name shown in problems
     * @return the document's root value, never {@code null} (an empty document is a problem)
     * @throws InvalidExperimentException when the text is not a readable document
     */
    public static JsonNode read(String file, String content) throws InvalidExperimentException {
        if (content.length() > MAX_CHARS) {
            throw invalid(file, "the document is larger than " + MAX_CHARS + " characters");
        }
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        if (text.isBlank()) {
            throw invalid(file, "the file is empty: expected an experiment (a JSON or YAML object)");
        }
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw invalid(file, "the file holds a NUL character at offset " + nul
                    + ": expected JSON or YAML text (is it a binary file?)");
        }
        char first = text.stripLeading().charAt(0);
        if (first == '{' || first == '[') {
            try {
                return JSON.readTree(text);
            } catch (JsonProcessingException jsonError) {
                try {
                    return readYaml(file, text);
                } catch (InvalidExperimentException | RuntimeException | StackOverflowError yamlError) {
                    throw invalid(file, "invalid JSON: " + jsonMessage(jsonError));
                }
            }
        }
        return readYaml(file, text);
    }

    private static String jsonMessage(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return "the document nests deeper than " + MAX_DEPTH + " levels or holds a value too large to read";
        }
        String message = firstLine(e.getOriginalMessage());
        int source = message.indexOf(" (start marker at");
        if (source > 0) {
            message = message.substring(0, source);
        }
        var location = e.getLocation();
        return (location == null ? "" : "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ")
                + message;
    }

    private static JsonNode readYaml(String file, String text) throws InvalidExperimentException {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_CHARS);
        options.setAllowDuplicateKeys(true);
        options.setAllowRecursiveKeys(false);
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(options)).load(text);
        } catch (MarkedYAMLException e) {
            throw invalid(file, "invalid YAML: " + yamlMessage(e));
        } catch (YAMLException e) {
            throw invalid(file, "invalid YAML: " + firstLine(e.getMessage()));
        } catch (RuntimeException | StackOverflowError e) {
            throw invalid(file, "invalid YAML: the document cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (loaded == null) {
            throw invalid(file, "the file is empty: expected an experiment (a JSON or YAML object)");
        }
        return new Converter(file).convert(loaded, 0);
    }

    private static String yamlMessage(MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String problem = e.getContext() != null && e.getProblem() != null
                ? e.getContext() + "; " + e.getProblem()
                : e.getProblem() != null ? e.getProblem() : e.getContext();
        String where = mark == null ? "" : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": ";
        return where + firstLine(problem);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "the document cannot be read";
        }
        int newline = message.indexOf('\n');
        return newline > 0 ? message.substring(0, newline) : message;
    }

    private static InvalidExperimentException invalid(String file, String message) {
        return new InvalidExperimentException(List.of(new Problem(file, "", message)));
    }

    /** Turns SnakeYAML's values into a Jackson tree, counting values so aliases cannot explode. */
    private static final class Converter {
        private final String file;
        private int values;

        Converter(String file) {
            this.file = file;
        }

        JsonNode convert(Object value, int depth) throws InvalidExperimentException {
            if (++values > MAX_VALUES) {
                throw invalid(file, "the document expands to more than " + MAX_VALUES
                        + " values (too many YAML aliases?)");
            }
            if (depth > MAX_DEPTH) {
                throw invalid(file, "the document nests deeper than " + MAX_DEPTH
                        + " levels (or a YAML alias refers to itself)");
            }
            JsonNodeFactory nodes = JsonNodeFactory.instance;
            if (value == null) {
                return nodes.nullNode();
            }
            if (value instanceof Map<?, ?> map) {
                ObjectNode object = nodes.objectNode();
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    object.set(key(entry.getKey()), convert(entry.getValue(), depth + 1));
                }
                return object;
            }
            if (value instanceof Collection<?> items) {
                ArrayNode array = nodes.arrayNode();
                for (Object item : items) {
                    array.add(convert(item, depth + 1));
                }
                return array;
            }
            if (value instanceof String text) {
                return nodes.textNode(text);
            }
            if (value instanceof Boolean bool) {
                return nodes.booleanNode(bool);
            }
            if (value instanceof Integer number) {
                return nodes.numberNode(number);
            }
            if (value instanceof Long number) {
                return nodes.numberNode(number);
            }
            if (value instanceof BigInteger number) {
                return nodes.numberNode(number);
            }
            if (value instanceof Double number) {
                return nodes.numberNode(number);
            }
            if (value instanceof BigDecimal number) {
                return nodes.numberNode(number);
            }
            if (value instanceof Date date) {
                return nodes.textNode(date.toInstant().atOffset(ZoneOffset.UTC).toString());
            }
            if (value instanceof byte[] bytes) {
                return nodes.textNode(Base64.getEncoder().encodeToString(bytes));
            }
            return nodes.textNode(String.valueOf(value));
        }

        private String key(Object key) throws InvalidExperimentException {
            if (key instanceof String text) {
                return text;
            }
            if (key == null) {
                return "None";
            }
            if (key instanceof Map || key instanceof Collection) {
                throw invalid(file, "a key of the document is a list or an object: keys must be text");
            }
            if (key instanceof Boolean bool) {
                return bool ? "True" : "False";
            }
            return String.valueOf(key);
        }
    }
}
