package io.reliably.engine.slo;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the gate's JSON or YAML input files into trees, turning syntax errors into problems. */
final class InputFiles {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    private InputFiles() {
    }

    static String read(Path file) throws InvalidSloException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidSloException(new SloProblem(file.toString(), "", "no such file"));
        } catch (IOException e) {
            throw new InvalidSloException(new SloProblem(file.toString(), "", "cannot be read: " + e.getMessage()));
        }
    }

    /** Parses JSON or YAML, chosen by content: JSON when it starts with an object or list. */
    static JsonNode parse(String fileName, String content, String expected) throws InvalidSloException {
        String trimmed = content.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidSloException(new SloProblem(fileName, "", "the file is empty; expected " + expected));
        }
        boolean json = trimmed.startsWith("{") || trimmed.startsWith("[");
        try {
            JsonNode tree = (json ? JSON : YAML).readTree(content);
            return tree == null ? MissingNode.getInstance() : tree;
        } catch (JacksonException e) {
            JsonLocation where = e.getLocation();
            String at = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
            throw new InvalidSloException(new SloProblem(fileName, "",
                    "not valid " + (json ? "JSON" : "YAML") + at + ": " + e.getOriginalMessage()
                            + "; expected " + expected));
        }
    }

    /** A node's type in words, for "expected X but found Y". */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isTextual()) {
            return "the text '" + node.asText() + "'";
        }
        if (node.isNumber() || node.isBoolean()) {
            return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + node.asText();
        }
        return node.isArray() ? "a list" : "an object";
    }
}
