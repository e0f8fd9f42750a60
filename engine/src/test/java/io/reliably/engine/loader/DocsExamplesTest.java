package io.reliably.engine.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.reliably.engine.configuration.RunValues;
import io.reliably.engine.configuration.RunValuesResolver;
import io.reliably.engine.configuration.Vars;
import io.reliably.engine.experiment.Experiment;
import io.reliably.engine.secret.SecretResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every example under docs/examples loads as the docs say, so the docs cannot rot. */
class DocsExamplesTest {

    private final ExperimentLoader loader = new ExperimentLoader();

    static Path docs() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docs/experiment-format.md"))) {
                return dir.resolve("docs");
            }
        }
        throw new IllegalStateException("docs/experiment-format.md not found above " + Path.of("").toAbsolutePath());
    }

    @TestFactory
    Stream<DynamicTest> shouldLoadEveryExampleAndRefuseEveryInvalidOneWithTheDocumentedMessage() throws IOException {
        String format = Files.readString(docs().resolve("experiment-format.md"));
        List<Path> examples;
        try (Stream<Path> files = Files.list(docs().resolve("examples"))) {
            // demo-metrics.yaml and demo-slo.yaml are indicator and objective files (tested by the demo).
            examples = files.filter(file -> file.getFileName().toString().matches(".*\\.(json|ya?ml)"))
                    .filter(file -> !file.getFileName().toString().matches(".*-(metrics|slo)\\.yaml"))
                    .sorted().toList();
        }
        assertThat(examples).extracting(file -> file.getFileName().toString())
                .contains("format-minimal.json", "format-full.yaml", "format-configuration.json",
                        "invalid-python-provider.json", "invalid-many-problems.json");
        return examples.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String name = file.getFileName().toString();
            String content = Files.readString(file);
            if (name.endsWith("-broken.json")) {
                // Broken on purpose to show the command line's error output (docs/cli.md).
                assertThat(catchThrowableOfType(InvalidExperimentException.class, () -> loader.parse(name, content)))
                        .as("%s must be refused", name).isNotNull();
            } else if (name.startsWith("invalid-")) {
                InvalidExperimentException invalid = catchThrowableOfType(InvalidExperimentException.class,
                        () -> loader.parse(name, content));
                assertThat(invalid).as("%s must be refused", name).isNotNull();
                assertThat(invalid.problems()).allSatisfy(problem -> assertThat(format)
                        .as("docs/experiment-format.md shows the message").contains(problem.toString()));
            } else {
                assertThat(loader.parse(name, content).title()).isNotBlank();
            }
        }));
    }

    @Test
    void shouldResolveTheConfigurationExampleWithTheExampleVarFiles() throws Exception {
        Path examples = docs().resolve("examples");
        Experiment experiment = loader.load(examples.resolve("format-configuration.json"));
        Vars vars = Vars.load(List.of("port:int=9191"), List.of(examples.resolve("vars/format-vars.json"),
                examples.resolve("vars/format-vars.yaml"), examples.resolve("vars/format.env")));

        RunValues values = new RunValuesResolver(Map.of("REGION", "ignored-when-a-var-file-says"), SecretResolver.NONE)
                .resolve(experiment, vars);

        assertThat(values.substitution().apply(experiment.title())).isEqualTo("Checkout answers on us-east-1");
        assertThat(values.configuration().get("port").intValue()).isEqualTo(9191);
        assertThat(values.configuration().get("verbose").booleanValue()).isTrue();
        assertThat(values.configuration().get("greeting").textValue()).isEqualTo("bonjour");
        assertThat(values.secrets().get("checkout").get("api_key").textValue()).isEqualTo("key-from-dotenv");
        assertThat(values.secrets().get("checkout").get("user").textValue()).isEqualTo("ci-robot");
        assertThat(values.masker().mask("X-Api-Key: key-from-dotenv")).isEqualTo("X-Api-Key: ***");
    }
}
