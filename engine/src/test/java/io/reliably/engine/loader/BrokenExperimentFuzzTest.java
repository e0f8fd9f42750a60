package io.reliably.engine.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hundreds of broken experiments, generated from a valid one: wrong types at every field, missing
 * keys, ref cycles, huge and deep values, invalid YAML, binary junk and truncations. Each must give
 * an {@link InvalidExperimentException} whose problems name the file, or (when the change happens to
 * keep the experiment valid) load; never another exception, never a hang.
 */
class BrokenExperimentFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final List<JsonNode> WRONG_VALUES = List.of(
            JsonNodeFactory.instance.numberNode(42), JsonNodeFactory.instance.numberNode(-1.5),
            JsonNodeFactory.instance.textNode("wrong"), JsonNodeFactory.instance.textNode(""),
            JsonNodeFactory.instance.booleanNode(true), JsonNodeFactory.instance.nullNode(),
            JsonNodeFactory.instance.arrayNode(), JsonNodeFactory.instance.objectNode());

    private final ExperimentLoader loader = new ExperimentLoader();

    @TempDir
    Path dir;

    /** What a case gave: whether it loaded, and the problems when it did not. */
    private record Outcome(boolean valid, List<Problem> problems) {
    }

    private Outcome load(String file, String content) {
        return assertTimeoutPreemptively(LIMIT, () -> {
            try {
                loader.parse(file, content);
                return new Outcome(true, List.of());
            } catch (InvalidExperimentException e) {
                return new Outcome(false, e.problems());
            }
        }, () -> file + " took too long");
    }

    private void assertClear(String file, Outcome outcome) {
        if (!outcome.valid()) {
            assertThat(outcome.problems()).isNotEmpty();
            assertThat(outcome.problems()).allSatisfy(problem -> {
                assertThat(problem.file()).isEqualTo(file);
                assertThat(problem.message()).isNotBlank().doesNotContain("\tat ").doesNotContain("Exception");
            });
        }
    }

    private void assertInvalid(String file, String content) {
        Outcome outcome = load(file, content);
        assertThat(outcome.valid()).as("%s must be refused", file).isFalse();
        assertClear(file, outcome);
    }

    private static ObjectNode full() throws Exception {
        return (ObjectNode) JSON.readTree(ExperimentLoaderTest.read("full.json"));
    }

    /** Every path in a document, each with a way to replace or remove the value there. */
    private record Spot(String path, JsonNode parent, String key, int index) {
    }

    private static void spots(JsonNode node, String path, List<Spot> found) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                found.add(new Spot(at, node, field.getKey(), -1));
                spots(field.getValue(), at, found);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String at = path + "[" + i + "]";
                found.add(new Spot(at, node, null, i));
                spots(node.get(i), at, found);
            }
        }
    }

    private static List<Spot> spotsOf(ObjectNode document) {
        List<Spot> found = new ArrayList<>();
        spots(document, "", found);
        return found;
    }

    @TestFactory
    Stream<DynamicTest> shouldStayClearWithAWrongTypeAtEveryField() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        int count = spotsOf(full()).size();
        for (int s = 0; s < count; s++) {
            int spotIndex = s;
            for (int w = 0; w < WRONG_VALUES.size(); w++) {
                int wrongIndex = w;
                ObjectNode document = full();
                Spot spot = spotsOf(document).get(spotIndex);
                JsonNode wrong = WRONG_VALUES.get(wrongIndex);
                if (spot.key() != null) {
                    ((ObjectNode) spot.parent()).set(spot.key(), wrong);
                } else {
                    ((ArrayNode) spot.parent()).set(spot.index(), wrong);
                }
                String file = "wrong-type-" + spotIndex + "-" + wrongIndex + ".json";
                String content = document.toPrettyString();
                tests.add(DynamicTest.dynamicTest(spot.path() + " = " + wrong, () -> assertClear(file, load(file, content))));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> shouldRefuseWrongTypesAtFieldsThatHaveOne() throws Exception {
        List<String> typed = List.of("title", "description", "method", "tags", "steady-state-hypothesis.title",
                "steady-state-hypothesis.probes[0].provider", "steady-state-hypothesis.probes[0].provider.url",
                "steady-state-hypothesis.probes[0].type", "steady-state-hypothesis.probes[0].name",
                "method[0].provider.path", "method[1].background", "rollbacks[0].provider.type", "runtime.rollbacks");
        List<DynamicTest> tests = new ArrayList<>();
        for (String path : typed) {
            for (JsonNode wrong : List.of(JsonNodeFactory.instance.numberNode(42), JsonNodeFactory.instance.nullNode(),
                    JsonNodeFactory.instance.arrayNode().add(1))) {
                if (path.equals("tags") && wrong.isNull() || path.equals("runtime.rollbacks") && wrong.isNull()) {
                    continue;
                }
                ObjectNode document = full();
                Spot spot = spotsOf(document).stream().filter(s -> s.path().equals(path)).findFirst().orElseThrow();
                ((ObjectNode) spot.parent()).set(spot.key(), wrong);
                String content = document.toPrettyString();
                tests.add(DynamicTest.dynamicTest(path + " = " + wrong,
                        () -> assertInvalid("typed.json", content)));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> shouldStayClearWithAnyKeyMissing() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        int count = spotsOf(full()).size();
        for (int s = 0; s < count; s++) {
            ObjectNode document = full();
            Spot spot = spotsOf(document).get(s);
            if (spot.key() != null) {
                ((ObjectNode) spot.parent()).remove(spot.key());
            } else {
                ((ArrayNode) spot.parent()).remove(spot.index());
            }
            String file = "missing-" + s + ".json";
            String content = document.toString();
            tests.add(DynamicTest.dynamicTest("without " + spot.path(), () -> assertClear(file, load(file, content))));
        }
        for (String required : List.of("title", "description", "method")) {
            ObjectNode document = full();
            document.remove(required);
            tests.add(DynamicTest.dynamicTest("required " + required,
                    () -> assertInvalid("required.json", document.toString())));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> shouldRefuseRefCyclesOfAnyLength() {
        List<DynamicTest> tests = new ArrayList<>();
        for (int length = 1; length <= 40; length++) {
            StringBuilder method = new StringBuilder();
            for (int i = 0; i < length; i++) {
                method.append(i == 0 ? "" : ",").append("{\"name\": \"a").append(i).append("\", \"ref\": \"a")
                        .append((i + 1) % length).append("\"}");
            }
            String content = "{\"title\": \"t\", \"description\": \"d\", \"method\": [" + method + ", {\"ref\": \"a0\"}]}";
            tests.add(DynamicTest.dynamicTest("cycle of " + length, () -> assertInvalid("cycle.json", content)));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> shouldRefuseHugeAndDeepDocumentsQuickly() {
        String head = "{\"title\": \"t\", \"description\": \"d\", ";
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("deep JSON list", head + "\"method\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}");
        cases.put("deep JSON object", head + "\"method\": [], \"x\": " + "{\"a\":".repeat(50_000) + "1"
                + "}".repeat(50_000) + "}");
        cases.put("unclosed deep JSON", "[".repeat(200_000));
        cases.put("deep YAML flow", "title: t\ndescription: d\nmethod: " + "[".repeat(100_000) + "]".repeat(100_000));
        cases.put("deep YAML block", "title: t\ndescription: d\nmethod:\n" + deepYaml(300));
        cases.put("huge title", head + "\"method\": [], \"title\": \"" + "x".repeat(Documents.MAX_CHARS + 10) + "\"}");
        cases.put("huge number", head + "\"method\": [], \"n\": " + "9".repeat(100_000) + "}");
        cases.put("many activities", head + "\"method\": [" + String.join(",",
                java.util.Collections.nCopies(100_000, "{\"type\": \"probe\"}")) + "]}");
        cases.put("many aliases", "a: &a [x]\n" + "b: [" + String.join(",", java.util.Collections.nCopies(10_000, "*a"))
                + "]\ntitle: t\ndescription: d\nmethod: []\n");
        List<DynamicTest> tests = new ArrayList<>();
        cases.forEach((name, content) -> tests.add(DynamicTest.dynamicTest(name,
                () -> assertInvalid("big.json", content))));
        return tests.stream();
    }

    private static String deepYaml(int depth) {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            yaml.append("  ".repeat(i + 1)).append("- \n");
        }
        return yaml.toString();
    }

    @TestFactory
    Stream<DynamicTest> shouldStayClearOnEveryTruncation() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (String fixture : List.of("full.json", "full.yaml")) {
            String content = ExperimentLoaderTest.read(fixture);
            for (int end = 0; end < content.length(); end += 9) {
                String truncated = content.substring(0, end);
                String file = "truncated-" + end + "-" + fixture;
                tests.add(DynamicTest.dynamicTest(file, () -> {
                    Outcome outcome = load(file, truncated);
                    assertClear(file, outcome);
                    if (fixture.endsWith(".json")) {
                        assertThat(outcome.valid()).as("a truncated JSON document is never valid").isFalse();
                    }
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> shouldStayClearOnMangledYaml() throws Exception {
        String yaml = ExperimentLoaderTest.read("full.yaml");
        Random random = new Random(20261124);
        String noise = ":-[]{}&*!|>'\"#%@`\t\n ,?";
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            StringBuilder mangled = new StringBuilder(yaml);
            for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
                int at = random.nextInt(mangled.length());
                switch (random.nextInt(3)) {
                    case 0 -> mangled.insert(at, noise.charAt(random.nextInt(noise.length())));
                    case 1 -> mangled.deleteCharAt(at);
                    default -> mangled.setCharAt(at, noise.charAt(random.nextInt(noise.length())));
                }
            }
            String file = "mangled-" + i + ".yaml";
            String content = mangled.toString();
            tests.add(DynamicTest.dynamicTest(file, () -> assertClear(file, load(file, content))));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> shouldRefuseRandomBinaryJunk() {
        Random random = new Random(42);
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            byte[] junk = new byte[1 + random.nextInt(4096)];
            random.nextBytes(junk);
            String name = "junk-" + i + ".bin";
            tests.add(DynamicTest.dynamicTest(name, () -> {
                Path file = Files.write(dir.resolve(name), junk);
                Outcome outcome = assertTimeoutPreemptively(LIMIT, () -> {
                    try {
                        loader.load(file);
                        return new Outcome(true, List.of());
                    } catch (InvalidExperimentException e) {
                        return new Outcome(false, e.problems());
                    }
                });
                assertThat(outcome.valid()).isFalse();
                assertThat(outcome.problems()).isNotEmpty()
                        .allSatisfy(problem -> assertThat(problem.file()).isEqualTo(file.toString()));
                String asText = new String(junk, StandardCharsets.ISO_8859_1);
                assertInvalid(name, asText);
            }));
        }
        return tests.stream();
    }
}
