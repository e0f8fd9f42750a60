package io.reliably.engine.sli;

/**
 * One thing wrong with an indicator definition, located like the loader's problems.
 *
 * @param file the file (or other source) it came from
 * @param path where in it, e.g. {@code spec.jqExpression} or {@code indicators.throughput}
 * @param message what was expected and what was found
 */
public record SliProblem(String file, String path, String message) {

    @Override
    public String toString() {
        return path == null || path.isEmpty() ? file + ": " + message : file + ": " + path + ": " + message;
    }
}
