package io.reliably.engine.provider.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reliably.engine.experiment.ProcessProvider;
import io.reliably.engine.provider.ActivityFailedException;
import io.reliably.engine.provider.Cancellation;
import io.reliably.engine.provider.ProviderRunner;
import io.reliably.engine.python.PythonValues;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a process provider as Chaos Toolkit's {@code provider/process.py} does: the program is looked up
 * on {@code PATH}; a list or an object of arguments is passed as they are, a string goes through
 * {@code /bin/sh -c}. A non-zero exit is an output, not a failure. A timeout or a cancellation kills the
 * whole process tree. Thread-safe.
 */
public final class ProcessProviderRunner implements ProviderRunner<ProcessProvider> {

    /** How long to keep reading output after the process exits, when a child still holds its pipes. */
    static final Duration PIPE_GRACE = Duration.ofSeconds(5);

    private final Map<String, String> environment;

    /** Runs processes with this JVM's environment. */
    public ProcessProviderRunner() {
        this(System.getenv());
    }

    /** @param environment the environment every process starts with (Chaos Toolkit's {@code os.environ}) */
    public ProcessProviderRunner(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public JsonNode run(ProcessProvider provider, Cancellation cancellation) throws ActivityFailedException {
        checkNotCancelled(cancellation);
        String path = provider.path();
        if (path == null || path.isEmpty()) {
            throw new ActivityFailedException("the process provider's path must be a non-empty string");
        }
        Map<String, String> env = environment(provider.env(), path);
        String program = Executables.which(Executables.expandUser(path, env), env.get("PATH"));
        if (program == null) {
            throw new ActivityFailedException("cannot find the program '" + path
                    + "': no executable file by that name (looked up on the PATH)");
        }
        List<String> command = command(program, provider.arguments(), path);
        Duration timeout = timeout(provider.timeout(), path);

        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new ActivityFailedException("cannot start the program '" + path + "': " + e.getMessage());
        }
        AutoCloseable registration = cancellation.onCancel(() -> ProcessTree.destroy(process));
        try {
            return await(process, path, timeout, cancellation);
        } finally {
            try {
                registration.close();
            } catch (Exception e) {
                // unregistering cannot fail
            }
        }
    }

    private JsonNode await(Process process, String path, Duration timeout, Cancellation cancellation)
            throws ActivityFailedException {
        try {
            process.getOutputStream().close(); // the program reads end-of-file, never our terminal
        } catch (IOException e) {
            // it may already have exited
        }
        OutputCollector stdout = new OutputCollector(process.getInputStream(), "process-stdout-" + process.pid());
        OutputCollector stderr = new OutputCollector(process.getErrorStream(), "process-stderr-" + process.pid());
        try {
            boolean exited;
            if (timeout == null) {
                process.waitFor();
                exited = true;
            } else {
                exited = process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
            }
            if (cancellation.isCancelled()) {
                ProcessTree.destroy(process);
                throw new ActivityFailedException("interrupted: " + cancellation.reason());
            }
            if (!exited) {
                ProcessTree.destroy(process);
                throw new ActivityFailedException("process activity took too long to complete: '" + path
                        + "' was still running after " + describe(timeout) + "; it and its children were killed");
            }
            long deadline = System.nanoTime() + PIPE_GRACE.toNanos();
            byte[] out = stdout.await(Duration.ofNanos(deadline - System.nanoTime()));
            byte[] err = stderr.await(Duration.ofNanos(deadline - System.nanoTime()));
            ObjectNode output = JsonNodeFactory.instance.objectNode();
            output.put("status", process.exitValue());
            output.put("stdout", decode(out));
            output.put("stderr", decode(err));
            return output;
        } catch (InterruptedException e) {
            ProcessTree.destroy(process);
            Thread.currentThread().interrupt();
            throw new ActivityFailedException("interrupted: the thread running the activity was interrupted");
        }
    }

    private Map<String, String> environment(JsonNode extra, String path) throws ActivityFailedException {
        if (extra == null || extra.isNull()) {
            return environment;
        }
        if (!extra.isObject()) {
            throw new ActivityFailedException("the env of process '" + path + "' must be an object");
        }
        Map<String, String> merged = new HashMap<>(environment);
        for (Iterator<Map.Entry<String, JsonNode>> it = extra.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> variable = it.next();
            JsonNode value = variable.getValue();
            if (value.isNull()) {
                merged.remove(variable.getKey());
            } else if (value.isContainerNode()) {
                throw new ActivityFailedException("the env variable '" + variable.getKey() + "' of process '"
                        + path + "' must be a string, a number or a boolean");
            } else {
                merged.put(variable.getKey(), PythonValues.str(value));
            }
        }
        return merged;
    }

    /**
     * The command line as {@code subprocess.run} gets it: a string of arguments means
     * {@code shell=True}, i.e. {@code /bin/sh -c "<program> <arguments>"}; a list or an object (flattened
     * to name, value) is written with {@code str()}, dropping {@code null} and empty strings.
     */
    static List<String> command(String program, JsonNode arguments, String path) throws ActivityFailedException {
        List<String> command = new ArrayList<>();
        if (arguments != null && arguments.isTextual()) {
            command.add("/bin/sh");
            command.add("-c");
            command.add(program + " " + arguments.textValue());
            return command;
        }
        command.add(program);
        if (arguments == null || arguments.isNull()) {
            return command;
        }
        if (arguments.isArray()) {
            arguments.forEach(argument -> addArgument(command, argument));
        } else if (arguments.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = arguments.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> argument = it.next();
                addArgument(command, JsonNodeFactory.instance.textNode(argument.getKey()));
                addArgument(command, argument.getValue());
            }
        } else {
            throw new ActivityFailedException("the arguments of process '" + path
                    + "' must be a list, an object or a string");
        }
        return command;
    }

    private static void addArgument(List<String> command, JsonNode argument) {
        if (argument.isNull() || (argument.isTextual() && argument.textValue().isEmpty())) {
            return;
        }
        command.add(PythonValues.str(argument));
    }

    private static Duration timeout(JsonNode timeout, String path) throws ActivityFailedException {
        if (timeout == null || timeout.isNull()) {
            return null;
        }
        if (!timeout.isNumber()) {
            throw new ActivityFailedException("the timeout of process '" + path + "' must be a number of seconds");
        }
        double seconds = timeout.doubleValue();
        if (!(seconds > 0)) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.min(seconds * 1e9, Long.MAX_VALUE / 2d));
    }

    private static String describe(Duration timeout) {
        double seconds = timeout.toNanos() / 1e9;
        return (seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds)) + " s";
    }

    /**
     * Chaos Toolkit detects the encoding; we read UTF-8 (which covers ASCII) and fall back to
     * ISO-8859-1, which can decode any bytes, where the bytes are not UTF-8.
     */
    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private static void checkNotCancelled(Cancellation cancellation) throws ActivityFailedException {
        if (cancellation.isCancelled()) {
            throw new ActivityFailedException("interrupted: " + cancellation.reason());
        }
    }
}
