package io.reliably.engine.sli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the JSON or YAML documents of one file (YAML may hold several, separated by {@code ---}).
 * Syntax errors become a {@link SliProblem} with the line and column, never a stack trace.
 */
public final class DocumentReader {

    private final ObjectMapper json = new ObjectMapper();
    private final YAMLMapper yaml = new YAMLMapper();

    /** Reads a file's content. */
    public String read(Path file) throws InvalidSliException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidSliException(new SliProblem(file.toString(), "", "no such file"));
        } catch (IOException e) {
            throw new InvalidSliException(new SliProblem(file.toString(), "", "cannot be read: " + e.getMessage()));
        }
    }

    /** The non-empty documents of a JSON or YAML text. */
    public List<JsonNode> documents(String fileName, String content) throws InvalidSliException {
        String trimmed = content.stripLeading();
        boolean isJson = trimmed.startsWith("{") || trimmed.startsWith("[");
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> iterator = (isJson ? json : yaml).readerFor(JsonNode.class).readValues(content)) {
            while (iterator.hasNextValue()) {
                JsonNode document = iterator.nextValue();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
        } catch (JsonProcessingException e) {
            throw new InvalidSliException(syntaxProblem(fileName, isJson ? "JSON" : "YAML", e));
        } catch (IOException | RuntimeException e) {
            String message = e.getCause() instanceof JsonProcessingException cause ? cause.getOriginalMessage() : e.getMessage();
            throw new InvalidSliException(new SliProblem(fileName, "", "is not valid " + (isJson ? "JSON" : "YAML")
                    + ": " + firstLine(message)));
        }
        return documents;
    }

    private static SliProblem syntaxProblem(String fileName, String format, JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        String where = location == null || location.getLineNr() < 0 ? ""
                : "line " + location.getLineNr() + ", column " + location.getColumnNr();
        return new SliProblem(fileName, where, "is not valid " + format + ": " + firstLine(e.getOriginalMessage()));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
