package io.jenkins.plugins.reliably.views;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.reliably.core.GateJob;
import io.jenkins.plugins.reliably.core.GateOptions;
import io.reliably.engine.experiment.Experiment;
import io.reliably.engine.loader.ExperimentLoader;
import io.reliably.engine.sli.keptn.SliFile;
import io.reliably.engine.sli.keptn.SliFileLoader;
import io.reliably.engine.slo.Evaluation;
import io.reliably.engine.slo.GateResult;
import io.reliably.engine.slo.SliValuesReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/jenkins.md and its examples cannot rot: every step parameter the Jenkinsfiles use is one the
 * plugin binds, every parameter the plugin binds is documented, and the example files are valid.
 */
class JenkinsDocsTest {

    private static final Path DOCS = Path.of("../docs");
    private static final Map<String, String> STEPS = Map.of(
            "reliablyRun", "io.jenkins.plugins.reliably.ReliablyRunStep",
            "querySli", "io.jenkins.plugins.reliably.QuerySliStep",
            "reliablyGate", "io.jenkins.plugins.reliably.ReliablyGateStep");
    private static final List<String> BUILDERS = List.of("io.jenkins.plugins.reliably.ReliablyRunBuilder",
            "io.jenkins.plugins.reliably.QuerySliBuilder", "io.jenkins.plugins.reliably.ReliablyGateBuilder",
            "io.jenkins.plugins.reliably.SecretBinding");

    @Test
    void shouldUseOnlyParametersTheStepsBind() throws Exception {
        int calls = 0;
        List<String> wrong = new ArrayList<>();
        for (String example : List.of("Jenkinsfile.declarative", "Jenkinsfile.scripted")) {
            String text = Files.readString(DOCS.resolve("jenkins").resolve(example));
            for (Map.Entry<String, String> step : STEPS.entrySet()) {
                Set<String> bound = JellyFormsTest.boundParameters(Class.forName(step.getValue()));
                for (String call : calls(text, step.getKey())) {
                    calls++;
                    for (String name : topLevelNames(call)) {
                        if (!bound.contains(name)) {
                            wrong.add(example + ": " + step.getKey() + " has no parameter " + name);
                        }
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(calls).as("step calls in the examples").isGreaterThanOrEqualTo(6);
    }

    @Test
    void shouldDocumentEveryParameter() throws Exception {
        String doc = Files.readString(DOCS.resolve("jenkins.md"));
        List<String> missing = new ArrayList<>();
        List<String> classes = new ArrayList<>(STEPS.values());
        classes.addAll(BUILDERS);
        for (String type : classes) {
            for (String name : JellyFormsTest.boundParameters(Class.forName(type))) {
                if (!doc.contains("`" + name + "`")) {
                    missing.add(type + "." + name);
                }
            }
        }
        assertThat(missing).isEmpty();
        assertThat(doc).contains("Manage Jenkins → Plugins → Advanced settings → Deploy Plugin");
    }

    @Test
    void shouldShipValidExampleFiles() throws Exception {
        Path examples = DOCS.resolve("jenkins");
        Experiment experiment = new ExperimentLoader().load(examples.resolve("experiment.yaml"));
        assertThat(experiment.method()).hasSize(1);
        SliFile sli = new SliFileLoader().load(examples.resolve("sli.yaml"));
        assertThat(sli.indicators()).containsOnlyKeys("response_time_p95", "error_rate");

        Evaluation evaluation = new GateJob(Clock.systemUTC()).evaluate(
                new GateOptions("slo.yaml", null, "freestyle-sli-values.json", false, null, null, null),
                Files.readString(examples.resolve("slo.yaml")),
                new SliValuesReader().read(examples.resolve("freestyle-sli-values.json")), List.of(), "docs#1");
        assertThat(evaluation.result()).isEqualTo(GateResult.PASS);
    }

    /** Each call of the step: from its name to the end of the line that does not go on with a comma. */
    private static List<String> calls(String text, String step) {
        List<String> calls = new ArrayList<>();
        Matcher m = Pattern.compile("\\b" + step + "\\s+(?=\\w+\\s*:)").matcher(text);
        while (m.find()) {
            StringBuilder call = new StringBuilder();
            String[] lines = text.substring(m.end()).split("\n");
            for (String line : lines) {
                call.append(line).append('\n');
                if (!line.stripTrailing().endsWith(",")) {
                    break;
                }
            }
            calls.add(call.toString());
        }
        return calls;
    }

    /** The argument names of a call, leaving out those inside nested maps and lists. */
    private static List<String> topLevelNames(String call) {
        String flat = call;
        String previous;
        do {
            previous = flat;
            flat = flat.replaceAll("\\[[^\\[\\]]*\\]", "[]").replaceAll("\\([^()]*\\)", "()");
        } while (!flat.equals(previous));
        flat = flat.replaceAll("'[^']*'", "''").replaceAll("\"[^\"]*\"", "\"\"");
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("(\\w+)\\s*:").matcher(flat);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
