package io.reliably.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every {@code $ reliably ... # exit N} line of {@code docs/cli.md}, from the repository root's
 * point of view, against a local service standing in for {@code http://127.0.0.1:8080}: the docs
 * cannot promise an exit code the command does not give.
 */
class DocsCliExamplesTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern EXAMPLE = Pattern.compile("^\\$ reliably (.+?)\\s+# exit (\\d)$", Pattern.MULTILINE);

    @TempDir
    Path dir;

    private TestService service;

    @BeforeEach
    void start() throws Exception {
        service = new TestService();
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void shouldGiveTheExitCodeEveryExampleOfTheDocsPromises() throws Exception {
        Matcher m = EXAMPLE.matcher(Files.readString(ROOT.resolve("docs/cli.md")));
        int examples = 0;
        while (m.find()) {
            examples++;
            List<String> args = arguments(m.group(1));
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = ReliablyCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                    .execute(args.toArray(String[]::new));
            assertThat(code).as("reliably %s%nstdout: %s%nstderr: %s", m.group(1), out, err)
                    .isEqualTo(Integer.parseInt(m.group(2)));
            assertThat(err.toString()).doesNotContain("\tat ");
        }
        assertThat(examples).as("examples found in docs/cli.md").isGreaterThanOrEqualTo(8);
        assertThat(service.paths()).contains("/health");
    }

    /** The example's words; files relative to the repository root, the journal in a temporary directory. */
    private List<String> arguments(String line) {
        List<String> args = new ArrayList<>();
        boolean journalGiven = false;
        for (String word : line.split("\\s+")) {
            if (word.startsWith("docs/")) {
                word = ROOT.resolve(word).toString();
            }
            word = word.replace("http://127.0.0.1:8080", service.url());
            if (!args.isEmpty() && "--journal-path".equals(args.get(args.size() - 1))) {
                word = dir.resolve(word).toString();
                journalGiven = true;
            }
            args.add(word);
        }
        if (!journalGiven && "run".equals(args.get(0))) {
            args.add("--journal-path");
            args.add(dir.resolve("journal.json").toString());
        }
        return args;
    }
}
