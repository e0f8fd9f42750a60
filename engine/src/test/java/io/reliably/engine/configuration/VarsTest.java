package io.reliably.engine.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.reliably.engine.loader.InvalidExperimentException;
import io.reliably.engine.loader.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VarsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void shouldKeepVarValuesAsStringsUnlessATypeIsGiven() throws Exception {
        Map<String, com.fasterxml.jackson.databind.JsonNode> vars = Vars.parse(
                List.of("host=example.com", "port=8080", "timeout:float=2.5", "retries:int=3", "url=http://h:80/?a=b",
                        "debug:bool=no", "body:json={\"a\": [1]}", "ns:pod:str=x"), List.of());

        assertThat(vars).containsEntry("host", JsonNodeFactory.instance.textNode("example.com"))
                .containsEntry("port", JsonNodeFactory.instance.textNode("8080"))
                .containsEntry("timeout", JsonNodeFactory.instance.numberNode(2.5))
                .containsEntry("retries", JsonNodeFactory.instance.numberNode(3))
                .containsEntry("url", JsonNodeFactory.instance.textNode("http://h:80/?a=b"))
                .containsEntry("debug", JsonNodeFactory.instance.booleanNode(false))
                .containsEntry("body", JSON.readTree("{\"a\": [1]}"))
                .containsEntry("ns:pod", JsonNodeFactory.instance.textNode("x"));
    }

    @Test
    void shouldReportEveryBadVarWithoutQuotingItsValue() {
        InvalidExperimentException invalid = catchThrowableOfType(InvalidExperimentException.class,
                () -> Vars.parse(List.of("novalue", "port:int=eighty", "x:long=1", "=v"), List.of()));

        assertThat(invalid.problems()).extracting(Problem::toString).containsExactly(
                "--var: expected name=value or name:type=value, found an assignment without \"=\"",
                "--var: port: expected an integer, found a text that is not one (type int)",
                "--var: x: expected a type of str, int, float, bytes, bool or json after \":\", found \"long\"",
                "--var: expected a name before \"=\", found none");
        assertThat(invalid.getMessage()).doesNotContain("eighty");
    }

    @Test
    void shouldReadJsonYamlAndDotEnvVarFilesInOrderWithVarsLast() throws Exception {
        Path json = Files.writeString(dir.resolve("vars.json"),
                "{\"configuration\": {\"host\": \"json\", \"port\": 1}, \"secrets\": {\"api\": {\"token\": \"t1\"}}}");
        Path yaml = Files.writeString(dir.resolve("vars.yml"),
                "configuration:\n  host: yaml\nsecrets:\n  api:\n    user: u2\n");
        Path env = Files.writeString(dir.resolve("prod.env"), "# comment\n\nAPI_HOST=h.example.com\nQUOTED=\"kept\"\r\n"
                + "EMPTY=\nWITH_EQUALS=a=b\n");

        Vars vars = Vars.load(List.of("port=2"), List.of(json, yaml, env));

        assertThat(vars.configuration()).containsEntry("host", JsonNodeFactory.instance.textNode("yaml"))
                .containsEntry("port", JsonNodeFactory.instance.textNode("2"));
        assertThat(vars.secrets().get("api")).containsEntry("token", JsonNodeFactory.instance.textNode("t1"))
                .containsEntry("user", JsonNodeFactory.instance.textNode("u2"));
        assertThat(vars.environment()).containsExactly(Map.entry("API_HOST", "h.example.com"),
                Map.entry("QUOTED", "\"kept\""), Map.entry("EMPTY", ""), Map.entry("WITH_EQUALS", "a=b"));
    }

    @Test
    void shouldNameTheVarFileAndWhatIsWrongInIt() throws Exception {
        Path list = Files.writeString(dir.resolve("list.json"), "[1, 2]");
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "configuration: [unclosed\n");
        Path flat = Files.writeString(dir.resolve("flat.json"), "{\"host\": \"h\"}");
        Path badGroup = Files.writeString(dir.resolve("group.yaml"), "secrets:\n  api: s3cr3t\n");
        Path env = Files.writeString(dir.resolve(".env"), "GOOD=1\nno equals sign here\n");
        Path missing = dir.resolve("missing.json");

        InvalidExperimentException invalid = catchThrowableOfType(InvalidExperimentException.class,
                () -> Vars.load(List.of(), List.of(list, broken, flat, badGroup, env, missing)));

        assertThat(invalid.problems()).extracting(Problem::toString).containsExactly(
                list + ": expected an object with \"configuration\" and/or \"secrets\", found a list",
                broken + ": invalid YAML: line 2, column 1: while parsing a flow sequence; expected ',' or ']', but"
                        + " got <stream end>",
                flat + ": host: expected only \"configuration\" and \"secrets\" at the top level (Chaos Toolkit"
                        + " ignores anything else); put configuration values under \"configuration\"",
                badGroup + ": secrets.api: expected a secret group (an object of names to values), found a string",
                env + ": line 2: expected NAME=value (a .env file), found a line without \"=\"",
                missing + ": the var file does not exist");
        assertThat(invalid.getMessage()).doesNotContain("s3cr3t");
    }

    @Test
    void shouldSkipAnEmptyVarFile() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "");

        assertThat(Vars.load(List.of(), List.of(empty))).isEqualTo(Vars.NONE);
    }
}
