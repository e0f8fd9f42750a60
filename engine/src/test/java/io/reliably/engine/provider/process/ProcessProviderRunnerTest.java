package io.reliably.engine.provider.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reliably.engine.experiment.ProcessProvider;
import io.reliably.engine.provider.ActivityFailedException;
import io.reliably.engine.provider.Cancellation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessProviderRunnerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProcessProviderRunner runner = new ProcessProviderRunner();

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static ProcessProvider process(String path, String arguments, String timeout, String env) {
        return new ProcessProvider(path, arguments == null ? null : json(arguments),
                timeout == null ? null : json(timeout), env == null ? null : json(env), List.of());
    }

    @Test
    void shouldReturnStatusStdoutAndStderr() throws Exception {
        JsonNode output = runner.run(process("sh", "[\"-c\", \"echo out; echo err >&2; exit 3\"]", null, null),
                new Cancellation());

        assertThat(output.get("status").intValue()).isEqualTo(3);
        assertThat(output.get("stdout").textValue()).isEqualTo("out\n");
        assertThat(output.get("stderr").textValue()).isEqualTo("err\n");
    }

    @Test
    void shouldPassListArgumentsAsTheyAreDroppingNullAndEmpty() throws Exception {
        JsonNode output = runner.run(process("printf", "[\"%s|\", \"a b\", null, \"\", 1.0, true, 7]", null, null),
                new Cancellation());

        assertThat(output.get("stdout").textValue()).isEqualTo("a b|1.0|True|7|");
    }

    @Test
    void shouldFlattenObjectArguments() throws Exception {
        JsonNode output = runner.run(process("printf", "{\"%s,\": \"--name\", \"x y\": 2}", null, null),
                new Cancellation());

        assertThat(output.get("stdout").textValue()).isEqualTo("--name,x y,2,");
    }

    @Test
    void shouldRunStringArgumentsThroughTheShell() throws Exception {
        JsonNode output = runner.run(process("echo", "\"one two | tr a-z A-Z\"", null, null), new Cancellation());

        assertThat(output.get("stdout").textValue()).isEqualTo("ONE TWO\n");
    }

    @Test
    void shouldFindTheProgramOnThePath() throws Exception {
        JsonNode output = runner.run(process("true", null, null, null), new Cancellation());

        assertThat(output.get("status").intValue()).isZero();
    }

    @Test
    void shouldUseTheProvidersPathToFindTheProgram(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("hello-tool");
        Files.writeString(script, "#!/bin/sh\necho hello from the tool\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));

        JsonNode output = runner.run(process("hello-tool", null, null,
                "{\"PATH\": \"" + dir + ":/usr/bin:/bin\"}"), new Cancellation());

        assertThat(output.get("stdout").textValue()).isEqualTo("hello from the tool\n");
    }

    @Test
    void shouldExpandTheHomeDirectory(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("tool.sh");
        Files.writeString(script, "#!/bin/sh\necho home tool\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("HOME", dir.toString());

        JsonNode output = new ProcessProviderRunner(env).run(process("~/tool.sh", null, null, null),
                new Cancellation());

        assertThat(output.get("stdout").textValue()).isEqualTo("home tool\n");
    }

    @Test
    void shouldPassTheWholeEnvironmentPlusTheProvidersEnv() throws Exception {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("FROM_THE_BUILD", "build");

        JsonNode output = new ProcessProviderRunner(env).run(process("sh",
                "[\"-c\", \"echo $FROM_THE_BUILD $EXTRA $COUNT\"]", null, "{\"EXTRA\": \"extra\", \"COUNT\": 2}"),
                new Cancellation());

        assertThat(output.get("stdout").textValue()).isEqualTo("build extra 2\n");
    }

    @Test
    void shouldNotFailOnANonZeroExit() throws Exception {
        JsonNode output = runner.run(process("false", null, null, null), new Cancellation());

        assertThat(output.get("status").intValue()).isEqualTo(1);
    }

    @Test
    void shouldFailNamingAProgramThatCannotBeFound() {
        assertThatThrownBy(() -> runner.run(process("no-such-program-xyz", null, null, null), new Cancellation()))
                .isInstanceOf(ActivityFailedException.class)
                .hasMessageContaining("cannot find the program 'no-such-program-xyz'");
    }

    @Test
    void shouldFailOnAFileThatIsNotExecutable(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data.txt");
        Files.writeString(file, "not a program");

        assertThatThrownBy(() -> runner.run(process(file.toString(), null, null, null), new Cancellation()))
                .isInstanceOf(ActivityFailedException.class)
                .hasMessageContaining("cannot find the program '" + file + "'");
    }

    @Test
    void shouldReadLargeOutputOnBothStreamsWithoutDeadlock() throws Exception {
        JsonNode output = runner.run(process("sh",
                "[\"-c\", \"i=0; while [ $i -lt 2000 ]; do echo 0123456789012345678901234567890123456789; "
                        + "echo 0123456789012345678901234567890123456789 >&2; i=$((i+1)); done\"]", "60", null),
                new Cancellation());

        assertThat(output.get("stdout").textValue()).hasSize(2000 * 41);
        assertThat(output.get("stderr").textValue()).hasSize(2000 * 41);
    }

    @Test
    void shouldKillTheWholeTreeOnTimeout(@TempDir Path dir) throws Exception {
        Path pids = dir.resolve("pids");
        long start = System.nanoTime();

        assertThatThrownBy(() -> runner.run(process("sh", "[\"-c\", \"" + tree(pids) + "\"]", "0.5", null),
                new Cancellation()))
                .isInstanceOf(ActivityFailedException.class)
                .hasMessageContaining("took too long")
                .hasMessageContaining("'sh'");

        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(30);
        assertNoneSurvives(pids);
    }

    @Test
    void shouldDestroyTheTreeWhenCancelled(@TempDir Path dir) throws Exception {
        Path pids = dir.resolve("pids");
        Cancellation cancellation = new Cancellation();
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            cancellation.cancel("stopped by the user");
        });
        long start = System.nanoTime();
        stopper.start();

        assertThatThrownBy(() -> runner.run(process("sh", "\"-c '" + tree(pids) + "'\"", null, null), cancellation))
                .isInstanceOf(ActivityFailedException.class)
                .hasMessage("interrupted: stopped by the user");

        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(30);
        stopper.join(5_000);
        assertNoneSurvives(pids);
    }

    /** A shell with two sleeping children, which writes the three process ids to a file. */
    private static String tree(Path pids) {
        return "sleep 60 & echo $! >> " + pids + "; sleep 60 & echo $! >> " + pids + "; echo $$ >> " + pids + "; wait";
    }

    /** None of the processes of the tree is still alive (bounded wait: killing is asynchronous). */
    private static void assertNoneSurvives(Path pids) throws Exception {
        List<Long> started = Files.readAllLines(pids).stream().map(String::trim).map(Long::parseLong).toList();
        assertThat(started).hasSize(3);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<Long> alive;
        do {
            alive = started.stream()
                    .filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .toList();
            if (!alive.isEmpty()) {
                Thread.sleep(100);
            }
        } while (!alive.isEmpty() && System.nanoTime() < deadline);
        assertThat(alive).as("processes of the tree still alive").isEmpty();
    }
}
