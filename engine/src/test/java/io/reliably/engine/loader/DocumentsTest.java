package io.reliably.engine.loader;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class DocumentsTest {

    /** The expected tree is what PyYAML's safe_load gives (dates aside: PyYAML makes date objects). */
    @Test
    void shouldReadYamlScalarsAsPyYamlDoes() throws Exception {
        String yaml = """
                a: yes
                b: On
                c: y
                d: 012
                e: 0x1A
                f: 1_000
                g: 1:30
                h: 1e3
                i: .5
                j: 1.5e3
                k: ~
                l: 2024-01-01
                n: 0o12
                o: +12
                p: 1.0
                q: "1"
                r: 0b101
                s: 1.5e+3
                t: 1:30.5
                u: -.5
                v: off
                w: NO
                x: null
                """;

        assertThat(Documents.read("scalars.yaml", yaml)).isEqualTo(new ObjectMapper().readTree("""
                {"a": true, "b": true, "c": "y", "d": 10, "e": 26, "f": 1000, "g": 90, "h": "1e3", "i": 0.5,
                 "j": "1.5e3", "k": null, "l": "2024-01-01", "n": "0o12", "o": 12, "p": 1.0, "q": "1", "r": 5,
                 "s": 1500.0, "t": 90.5, "u": "-.5", "v": false, "w": false, "x": null}"""));
    }

    @Test
    void shouldReadJsonAsJsonAndYamlFlowStyleAsYaml() throws Exception {
        assertThat(Documents.read("a.json", "{\"a\": [1, 2.5, \"x\"]}").toString()).isEqualTo("{\"a\":[1,2.5,\"x\"]}");
        assertThat(Documents.read("a.yaml", "{a: [1, x]}").toString()).isEqualTo("{\"a\":[1,\"x\"]}");
    }
}
