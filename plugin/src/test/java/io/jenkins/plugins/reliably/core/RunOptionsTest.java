package io.jenkins.plugins.reliably.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.reliably.engine.run.Dry;
import io.reliably.engine.run.HypothesisStrategy;
import io.reliably.engine.run.RollbackStrategy;
import io.reliably.engine.run.RunSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunOptionsTest {

    @Test
    void shouldDefaultEverythingButTheExperiment() {
        RunOptions options = RunOptions.builder().experiment("exp.yaml").build();

        assertThat(options.problems()).isEmpty();
        assertThat(options.journalPathOrDefault()).isEqualTo("journal.json");
        assertThat(options.deviatedResultOrDefault()).isEqualTo(DeviatedResult.FAILURE);
        assertThat(options.varAssignments()).isEmpty();
        assertThat(options.varFileList()).isEmpty();
        RunSettings settings = options.settings();
        assertThat(settings.rollbackStrategy()).isNull();
        assertThat(settings.hypothesisStrategy()).isNull();
        assertThat(settings.hypothesisFrequency()).isNull();
        assertThat(settings.failFast()).isFalse();
        assertThat(settings.dry()).isNull();
    }

    @Test
    void shouldRequireExactlyOneExperiment() {
        assertThat(RunOptions.builder().build().problems())
                .containsExactly("experiment: give the experiment's path in the workspace, or experimentText");
        assertThat(RunOptions.builder().experiment("a.json").experimentText("{}").build().problems())
                .containsExactly("experiment: give either experiment or experimentText, not both");
        assertThat(RunOptions.builder().experiment("  ").experimentText(" ").build().problems()).hasSize(1);
    }

    @Test
    void shouldListEveryInvalidParameterAtOnceNamingIt() {
        RunOptions options = RunOptions.builder()
                .experiment("exp.json")
                .journalPath("../outside.json")
                .rollbackStrategy("sometimes")
                .hypothesisStrategy("hourly")
                .hypothesisFrequency(0.0)
                .dry("everything")
                .deviatedResult("BROKEN")
                .vars(Map.of("a=b", "c"))
                .build();

        assertThat(options.problems()).containsExactly(
                "journalPath: expected a path inside the workspace, got '../outside.json'",
                "rollbackStrategy: expected one of default, always, never, deviated, got 'sometimes'",
                "hypothesisStrategy: expected one of default, before-method-only, after-method-only, "
                        + "during-method-only, continuously, skip, got 'hourly'",
                "hypothesisFrequency: expected a number of seconds above 0, got 0.0",
                "dry: expected one of probes, actions, activities, pause, got 'everything'",
                "deviatedResult: expected one of FAILURE, UNSTABLE, SUCCESS, got 'BROKEN'",
                "vars: expected variable names without '=' or ':', got 'a=b'");
    }

    @Test
    void shouldRefuseAbsoluteJournalPaths() {
        assertThat(RunOptions.builder().experiment("e").journalPath("/tmp/j.json").build().problems()).hasSize(1);
        assertThat(RunOptions.builder().experiment("e").journalPath("C:\\j.json").build().problems()).hasSize(1);
        assertThat(RunOptions.builder().experiment("e").journalPath("reports/chaos/j.json").build().problems()).isEmpty();
    }

    @Test
    void shouldTurnParametersIntoTheEngineSettings() {
        RunSettings settings = RunOptions.builder()
                .experiment("e.json")
                .rollbackStrategy(" always ")
                .hypothesisStrategy("continously")
                .hypothesisFrequency(2.5)
                .failFast(true)
                .dry("actions")
                .build()
                .settings();

        assertThat(settings.rollbackStrategy()).isEqualTo(RollbackStrategy.ALWAYS);
        assertThat(settings.hypothesisStrategy()).isEqualTo(HypothesisStrategy.CONTINUOUSLY);
        assertThat(settings.hypothesisFrequency()).isEqualTo(2.5);
        assertThat(settings.failFast()).isTrue();
        assertThat(settings.dry()).isEqualTo(Dry.ACTIONS);
    }

    @Test
    void shouldPassVarsAsTheCliWouldKeepingNumbersAndBooleansTyped() {
        Map<Object, Object> vars = new LinkedHashMap<>();
        vars.put("base_url", "https://example.com/a=b");
        vars.put("replicas", 3);
        vars.put("ratio", 0.5);
        vars.put("enabled", true);
        vars.put("empty", null);

        assertThat(RunOptions.builder().experiment("e").vars(vars).build().varAssignments()).containsExactly(
                "base_url=https://example.com/a=b", "replicas:json=3", "ratio:json=0.5", "enabled:json=true", "empty=");
    }

    @Test
    void shouldSplitVarFilesOnCommasAndLines() {
        assertThat(RunOptions.builder().experiment("e").varFiles(" a.yaml, b.env\nc.json ,, ").build().varFileList())
                .containsExactly("a.yaml", "b.env", "c.json");
    }

    @Test
    void shouldReadDeviatedResultCaseInsensitively() {
        assertThat(RunOptions.builder().experiment("e").deviatedResult("unstable").build().deviatedResultOrDefault())
                .isEqualTo(DeviatedResult.UNSTABLE);
    }
}
