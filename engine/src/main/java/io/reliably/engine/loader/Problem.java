package io.reliably.engine.loader;

/**
 * One thing wrong with an experiment or its values: where it is and what was expected.
 *
 * @param file the file as the user named it
 * @param path the JSON path inside it, such as {@code method[2].provider.url}; empty for the whole
 *     document
 * @param message what was expected and what was found
 */
public record Problem(String file, String path, String message) {

    /** {@code file: path: message}, or {@code file: message} when the problem is the whole file. */
    @Override
    public String toString() {
        return path == null || path.isEmpty() ? file + ": " + message : file + ": " + path + ": " + message;
    }
}
