package io.reliably.engine.provider.process;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds a program as Chaos Toolkit does with {@code shutil.which(os.path.expanduser(path))}: a leading
 * {@code ~} is the user's home; a name with a {@code /} is used as it is; a bare name is looked up on
 * {@code PATH}, in order.
 */
final class Executables {

    /** Python's {@code os.defpath}, used when there is no {@code PATH} at all. */
    private static final String DEFAULT_PATH = "/bin:/usr/bin";

    private Executables() {
    }

    /** {@code os.path.expanduser} for {@code ~} and {@code ~/...}. */
    static String expandUser(String path, Map<String, String> environment) {
        String home = environment.get("HOME");
        if (home == null) {
            home = System.getProperty("user.home");
        }
        if (path.equals("~")) {
            return home;
        }
        if (path.startsWith("~/")) {
            return home + path.substring(1);
        }
        return path;
    }

    /**
     * {@code shutil.which}.
     *
     * @param searchPath the {@code PATH} to search, or {@code null} for the default
     * @return the program's path, or {@code null} when there is no executable file by that name
     */
    static String which(String command, String searchPath) {
        if (command.isEmpty()) {
            return null;
        }
        if (command.indexOf('/') >= 0) {
            return isExecutableFile(command) ? command : null;
        }
        String path = searchPath == null ? DEFAULT_PATH : searchPath;
        if (path.isEmpty()) {
            return null;
        }
        for (String directory : path.split(":", -1)) {
            String candidate = directory.isEmpty() ? command
                    : directory.endsWith("/") ? directory + command : directory + "/" + command;
            if (isExecutableFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean isExecutableFile(String candidate) {
        try {
            Path file = Path.of(candidate);
            return Files.isRegularFile(file) && Files.isExecutable(file);
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
