package io.reliably.engine.python;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * Writes JSON as Python's {@code json.dumps} does by default, the way {@code requests} sends a
 * {@code json=} body: {@code ", "} and {@code ": "} separators, non-ASCII characters escaped. A server
 * that compares bodies byte for byte sees what it saw from Chaos Toolkit. Immutable.
 */
public final class PythonJson {

    private final ObjectWriter writer;

    public PythonJson() {
        JsonMapper mapper = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
        this.writer = mapper.writer(new PythonSeparators());
    }

    /** {@code json.dumps(value)}. */
    public String dumps(JsonNode value) {
        try {
            return writer.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** Python's default separators on one line. */
    private static final class PythonSeparators extends MinimalPrettyPrinter {
        private static final long serialVersionUID = 1L;

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }
    }
}
