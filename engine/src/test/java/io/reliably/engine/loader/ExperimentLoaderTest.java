package io.reliably.engine.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.reliably.engine.experiment.Activity;
import io.reliably.engine.experiment.ActivityType;
import io.reliably.engine.experiment.Experiment;
import io.reliably.engine.experiment.HttpProvider;
import io.reliably.engine.experiment.ProcessProvider;
import io.reliably.engine.experiment.RuntimeBlock;
import io.reliably.engine.experiment.Tolerance;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentLoaderTest {

    private final ExperimentLoader loader = new ExperimentLoader();

    static String read(String fixture) throws IOException {
        try (InputStream in = ExperimentLoaderTest.class.getResourceAsStream("valid/" + fixture)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void shouldReadEveryPartOfAFullExperiment() throws Exception {
        Experiment experiment = loader.parse("full.json", read("full.json"));

        assertThat(experiment.title()).isEqualTo("Orders survive a slow database");
        assertThat(experiment.description()).startsWith("Inject latency");
        assertThat(experiment.tags()).containsExactly("orders", "latency");
        assertThat(experiment.runtime()).isEqualTo(new RuntimeBlock("always", "continuously", 2.5, true));
        assertThat(experiment.document().get("version").asText()).isEqualTo("1.0.0");

        List<Activity> probes = experiment.hypothesis().probes();
        assertThat(experiment.hypothesis().title()).isEqualTo("Orders answer");
        assertThat(probes).extracting(Activity::name).containsExactly("orders-answer", "latency-is-low",
                "body-says-ok", "items", "checked-by-script", "listed", "texty", "booly");
        HttpProvider http = (HttpProvider) probes.get(0).provider();
        assertThat(http.url().asText()).isEqualTo("${base_url}/health");
        assertThat(http.method()).isEqualTo("GET");
        assertThat(http.headers().get("Authorization").asText()).isEqualTo("Bearer ${token}");
        assertThat(http.timeout().toString()).isEqualTo("[1,5]");
        assertThat(http.verifyTls()).isFalse();
        assertThat(http.maxRetries()).isEqualTo(2);
        assertThat(http.secrets()).containsExactly("orders");
        assertThat(probes.get(0).tolerance()).isEqualTo(new Tolerance.Int(200));
        assertThat(probes.get(1).tolerance()).isEqualTo(new Tolerance.Range(BigDecimal.ZERO, new BigDecimal("0.5"), "body"));
        assertThat(probes.get(2).tolerance()).isEqualTo(new Tolerance.Regex("(?P<state>ok|fine)", "body"));
        Tolerance.JsonPath jsonPath = (Tolerance.JsonPath) probes.get(3).tolerance();
        assertThat(jsonPath.path()).isEqualTo("$.items[*]");
        assertThat(jsonPath.count()).isEqualTo(2);
        assertThat(jsonPath.expect().isNull()).isTrue();
        Tolerance.Probe probe = (Tolerance.Probe) probes.get(4).tolerance();
        assertThat(probe.probe().name()).isEqualTo("check");
        assertThat(probe.probe().provider()).isInstanceOf(ProcessProvider.class);
        assertThat(probes.get(5).tolerance()).isInstanceOf(Tolerance.Values.class);
        assertThat(probes.get(6).tolerance()).isEqualTo(new Tolerance.Text("${expected}"));
        assertThat(probes.get(7).tolerance()).isEqualTo(new Tolerance.Bool(true));

        List<Activity> method = experiment.method();
        assertThat(method).extracting(Activity::name).containsExactly("latency-is-low", "slow-database",
                "orders-answer");
        ProcessProvider measure = (ProcessProvider) method.get(0).provider();
        assertThat(measure.path()).isEqualTo("measure");
        assertThat(measure.timeout().asInt()).isEqualTo(30);
        assertThat(method.get(0).pauses().before().asInt()).isZero();
        assertThat(method.get(0).pauses().after().asText()).isEqualTo("${wait}");
        assertThat(method.get(1).background()).isTrue();
        assertThat(method.get(1).type()).isEqualTo(ActivityType.ACTION);
        assertThat(((ProcessProvider) method.get(1).provider()).arguments().isTextual()).isTrue();
        assertThat(((ProcessProvider) method.get(1).provider()).env().get("LANG").asText()).isEqualTo("C");

        assertThat(experiment.rollbacks()).extracting(Activity::name).containsExactly("heal", "latency-is-low");
    }

    @Test
    void shouldReplaceARefByTheActivityItNames() throws Exception {
        Experiment experiment = loader.parse("full.json", read("full.json"));

        Activity ref = experiment.method().get(2);
        Activity target = experiment.hypothesis().probes().get(0);
        assertThat(ref.definition()).isSameAs(target.definition());
        assertThat(ref.definition().has("ref")).isFalse();
        assertThat(ref.provider()).isEqualTo(target.provider());
        assertThat(ref.tolerance()).as("a method activity carries no tolerance").isNull();

        Activity hypothesisRef = experiment.hypothesis().probes().get(1);
        assertThat(hypothesisRef.definition().get("name").asText()).isEqualTo("latency-is-low");
        assertThat(hypothesisRef.tolerance()).as("the tolerance written on the ref entry")
                .isInstanceOf(Tolerance.Range.class);
        assertThat(experiment.rollbacks().get(1).definition()).isSameAs(experiment.method().get(0).definition());
    }

    @Test
    void shouldFollowAChainOfRefs() throws Exception {
        Experiment experiment = loader.parse("chain.json", """
                {"title": "t", "description": "d", "method": [
                  {"type": "probe", "name": "real", "provider": {"type": "process", "path": "true"}},
                  {"name": "alias", "ref": "real"},
                  {"ref": "alias"}
                ]}""");

        assertThat(experiment.method()).extracting(Activity::name).containsExactly("real", "real", "real");
    }

    @Test
    void shouldReadYamlAsTheSameModelAsJson() throws Exception {
        Experiment json = loader.parse("full.json", read("full.json"));
        Experiment yaml = loader.parse("full.yaml", read("full.yaml"));

        assertThat(yaml.document()).isEqualTo(json.document());
        assertThat(yaml.method()).isEqualTo(json.method());
        assertThat(yaml.hypothesis()).isEqualTo(json.hypothesis());
        assertThat(yaml.rollbacks()).isEqualTo(json.rollbacks());
        assertThat(yaml.runtime()).isEqualTo(json.runtime());
    }

    @Test
    void shouldExpandYamlAnchorsAndMergeKeysAsPyYamlDoes() throws Exception {
        Experiment experiment = loader.parse("anchors.yaml", read("anchors.yaml"));

        HttpProvider health = (HttpProvider) experiment.hypothesis().probes().get(0).provider();
        assertThat(health.url().asText()).isEqualTo("http://127.0.0.1:8080/health");
        HttpProvider slow = (HttpProvider) experiment.method().get(0).provider();
        assertThat(slow.timeout().asInt()).isEqualTo(10);
        assertThat(slow.url().asText()).isEqualTo("http://127.0.0.1:8080/health");
        assertThat(experiment.method().get(0).background()).as("YAML 1.1 yes").isTrue();
    }

    @Test
    void shouldAcceptAnEmptyMethodAndNoHypothesis() throws Exception {
        Experiment experiment = loader.parse("x.yaml", "title: t\ndescription: d\nmethod: []\n");

        assertThat(experiment.method()).isEmpty();
        assertThat(experiment.hypothesis()).isNull();
        assertThat(experiment.rollbacks()).isEmpty();
        assertThat(experiment.runtime()).isEqualTo(RuntimeBlock.NONE);
    }

    @Test
    void shouldCollectEveryProblemInOnePass() {
        InvalidExperimentException invalid = catchThrowableOfType(InvalidExperimentException.class,
                () -> loader.parse("many.json", """
                        {"title": 1, "method": [
                          {"type": "probe", "name": "a", "provider": {"type": "python", "module": "m"}},
                          {"type": "action", "name": "", "provider": {"type": "http"}},
                          {"ref": "nowhere"}
                        ], "rollbacks": [{"type": "action", "name": "r", "provider": {"type": "process"}}],
                        "controls": [{"name": "c", "provider": {"type": "python", "module": "x"}}]}"""));

        assertThat(invalid.problems()).extracting(Problem::path).containsExactlyInAnyOrder(
                "title", "description", "controls[0].provider.type", "method[0].provider.type", "method[1].name",
                "method[1].provider.url", "rollbacks[0].provider.path", "method[2].ref");
        assertThat(invalid.getMessage().lines()).hasSize(8);
        assertThat(invalid.getMessage()).startsWith("many.json: title: expected a non-empty string, found the number 1");
    }

    @Test
    void shouldAcceptPlaceholdersWhereChaosToolkitSubstitutes() throws Exception {
        Experiment experiment = loader.parse("p.json", """
                {"title": "t", "description": "d", "method": [
                  {"type": "probe", "name": "p", "pauses": {"before": "${wait}"},
                   "provider": {"type": "http", "url": "${url}", "timeout": "${timeout}"}}],
                 "steady-state-hypothesis": {"title": "h", "probes": [
                  {"type": "probe", "name": "q", "provider": {"type": "http", "url": "http://h/"},
                   "tolerance": {"type": "regex", "pattern": "^${expected}{2}$"}},
                  {"type": "probe", "name": "r", "provider": {"type": "http", "url": "http://h/"},
                   "tolerance": {"type": "jsonpath", "path": "$.${field}"}}]}}""");

        assertThat(experiment.method().get(0).pauses().before().asText()).isEqualTo("${wait}");
        assertThat(experiment.hypothesis().probes()).hasSize(2);
    }

    @Test
    void shouldLoadAFileAndNameItInProblems(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("experiment.json");
        Files.writeString(file, "{\"title\": \"t\", \"description\": \"d\"}");

        InvalidExperimentException invalid = catchThrowableOfType(InvalidExperimentException.class,
                () -> loader.load(file));

        assertThat(invalid.problems()).containsExactly(new Problem(file.toString(), "method",
                "required: expected a list of activities (it may be empty: [])"));
    }

    @Test
    void shouldRefuseBinaryFilesMissingFilesAndHugeFiles(@TempDir Path dir) throws Exception {
        Path binary = dir.resolve("image.json");
        Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, (byte) 0xff, (byte) 0xfe});
        Path missing = dir.resolve("missing.yaml");
        Path huge = dir.resolve("huge.json");
        Files.writeString(huge, "{\"title\": \"" + "x".repeat(Documents.MAX_CHARS) + "\"}");

        assertThat(problemOf(binary)).isEqualTo(binary + ": the file is not UTF-8 text (is it a binary file?)");
        assertThat(problemOf(missing)).isEqualTo(missing + ": the file does not exist");
        assertThat(problemOf(huge)).isEqualTo(huge + ": the document is larger than " + Documents.MAX_CHARS
                + " characters");
    }

    @Test
    void shouldRefuseNulCharactersAndAcceptAByteOrderMark() throws Exception {
        InvalidExperimentException nul = catchThrowableOfType(InvalidExperimentException.class,
                () -> loader.parse("nul.yaml", "title: a\0b\n"));
        Experiment bom = loader.parse("bom.json", "\uFEFF{\"title\": \"t\", \"description\": \"d\", \"method\": []}");

        assertThat(nul.getMessage()).isEqualTo("nul.yaml: the file holds a NUL character at offset 8: expected JSON"
                + " or YAML text (is it a binary file?)");
        assertThat(bom.title()).isEqualTo("t");
    }

    @Test
    void shouldReadFlowStyleYamlThatIsNotJson() throws Exception {
        Experiment experiment = loader.parse("flow.yaml", "{title: t, description: d, method: []}");

        assertThat(experiment.title()).isEqualTo("t");
    }

    @Test
    void shouldKeepTheWholeDocument() throws Exception {
        String json = read("full.json");
        Experiment experiment = loader.parse("full.json", json);

        assertThat(experiment.document()).isEqualTo(new ObjectMapper().readTree(json));
    }

    private String problemOf(Path file) {
        return catchThrowableOfType(InvalidExperimentException.class, () -> loader.load(file)).getMessage();
    }
}
