package io.reliably.engine.loader;

import java.util.ArrayList;
import java.util.List;

/** Collects problems about one file while it is read, so the user sees them all at once. */
final class Problems {

    private final String file;
    private final List<Problem> found = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    void add(String path, String message) {
        found.add(new Problem(file, path, message));
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    int size() {
        return found.size();
    }

    List<Problem> list() {
        return List.copyOf(found);
    }

    void throwIfAny() throws InvalidExperimentException {
        if (!found.isEmpty()) {
            throw new InvalidExperimentException(found);
        }
    }
}
