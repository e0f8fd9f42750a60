package io.reliably.engine.slo;

/**
 * One thing wrong with an SLO, history or values file.
 *
 * @param file the file
 * @param path where in it, like {@code objectives[1].pass[0].criteria[0]}, or empty for the whole file
 * @param message what was expected and what was found
 */
public record SloProblem(String file, String path, String message) {

    @Override
    public String toString() {
        return path.isEmpty() ? file + ": " + message : file + ": " + path + ": " + message;
    }
}
