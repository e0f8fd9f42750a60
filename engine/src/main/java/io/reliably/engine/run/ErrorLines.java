package io.reliably.engine.run;

import io.reliably.engine.secret.SecretMasker;
import java.util.ArrayList;
import java.util.List;

/**
 * An error as a journal's {@code exception} lines. Chaos Toolkit writes
 * {@code traceback.format_exception(type, x, None)}: {@code "module.Type: message\n"}, no stack
 * frames; we write the same shape with our type names, then one line per distinct cause.
 */
final class ErrorLines {

    private ErrorLines() {
    }

    static List<String> of(Throwable error, SecretMasker masker) {
        List<String> lines = new ArrayList<>(2);
        lines.add(masker.mask(describe(error)) + "\n");
        Throwable cause = error.getCause();
        for (int depth = 0; cause != null && cause != error && depth < 5; depth++) {
            String message = cause.getMessage();
            if (message != null && error.getMessage() != null && error.getMessage().contains(message)) {
                break;
            }
            lines.add(masker.mask("Caused by " + describe(cause)) + "\n");
            cause = cause.getCause();
        }
        return lines;
    }

    static String describe(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getName() + (message == null ? "" : ": " + message);
    }
}
