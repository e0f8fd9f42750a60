package io.jenkins.plugins.reliably.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every {@code config.jelly} (parsed as XML) has a field for each parameter its class binds, no
 * field the class does not bind, and a help file for each field.
 */
class JellyFormsTest {

    private static final Path VIEWS = Path.of("src/main/resources/io/jenkins/plugins/reliably");
    private static final String PACKAGE = "io.jenkins.plugins.reliably.";

    /** Parameters a form cannot offer, with why. */
    private static final Map<String, String> PIPELINE_ONLY = Map.of(
            "ReliablyRunStep.vars", "a Groovy map; the freestyle step takes name=value lines instead",
            "ReliablyGateStep.sliValues", "what querySli returned to the script; forms give sliValuesFile",
            "QuerySliStep.labels", "a Groovy map; the freestyle step takes name=value lines instead",
            "QuerySliStep.variables", "a Groovy map; the freestyle step takes name=value lines instead");

    @Test
    void shouldOfferEveryBoundParameterAndNothingElse() throws Exception {
        List<Path> forms = forms();
        assertThat(forms).extracting(f -> f.getParent().getFileName().toString())
                .contains("ReliablyRunStep", "ReliablyRunBuilder", "SecretBinding", "ReliablyGateStep", "ReliablyGateBuilder",
                        "QuerySliStep", "QuerySliBuilder");
        List<String> wrong = new ArrayList<>();
        for (Path form : forms) {
            String owner = form.getParent().getFileName().toString();
            Set<String> fields = fields(form).keySet();
            Set<String> bound = boundParameters(Class.forName(PACKAGE + owner));
            bound.removeIf(p -> PIPELINE_ONLY.containsKey(owner + "." + p));
            for (String p : bound) {
                if (!fields.contains(p)) {
                    wrong.add(owner + ": no form field for " + p);
                }
            }
            for (String f : fields) {
                if (!bound.contains(f)) {
                    wrong.add(owner + ": form field " + f + " is bound to nothing");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void shouldHaveAHelpFileForEveryField() throws Exception {
        List<String> missing = new ArrayList<>();
        for (Path form : forms()) {
            String owner = form.getParent().getFileName().toString();
            for (Map.Entry<String, String> field : fields(form).entrySet()) {
                Path help = helpFile(form.getParent(), field.getKey(), field.getValue());
                if (help == null || !Files.isRegularFile(help)) {
                    missing.add(owner + "." + field.getKey() + " (" + help + ")");
                } else {
                    String text = Files.readString(help);
                    assertThat(text).as(help.toString()).contains("<div>").hasSizeGreaterThan(40);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void shouldExplainEachStepAsAWhole() {
        assertThat(VIEWS.resolve("ReliablyRunStep/help.html")).isRegularFile().content().contains("reliablyRun");
        assertThat(VIEWS.resolve("ReliablyRunBuilder/help.html")).isRegularFile();
    }

    @Test
    void shouldFailForAFieldWithoutItsSetter() throws Exception {
        Path form = Files.createTempFile("config", ".jelly");
        Files.writeString(form, "<j:jelly xmlns:j='jelly:core' xmlns:f='/lib/form'>"
                + "<f:entry field='experiment'><f:textbox/></f:entry><f:entry field='colour'><f:textbox/></f:entry></j:jelly>");
        Set<String> fields = fields(form).keySet();
        Set<String> bound = boundParameters(Class.forName(PACKAGE + "ReliablyRunStep"));
        assertThat(fields).contains("colour");
        assertThat(bound).contains("experiment").doesNotContain("colour");
        Files.delete(form);
    }

    /** The help a field's entry shows: its own help attribute (a descriptor's help URL), else help-FIELD.html. */
    private static Path helpFile(Path folder, String field, String helpAttribute) {
        if (helpAttribute == null || helpAttribute.isEmpty()) {
            return folder.resolve("help-" + field + ".html");
        }
        String prefix = "/descriptor/" + PACKAGE;
        if (!helpAttribute.startsWith(prefix)) {
            return null;
        }
        String[] parts = helpAttribute.substring(prefix.length()).split("/help/");
        return VIEWS.resolve(parts[0]).resolve("help-" + parts[1] + ".html");
    }

    private static List<Path> forms() throws IOException {
        try (Stream<Path> files = Files.walk(VIEWS)) {
            return files.filter(f -> f.getFileName().toString().equals("config.jelly")).sorted().toList();
        }
    }

    /** Field names, each with the entry's help attribute (empty when none). */
    private static Map<String, String> fields(Path form) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(form.toFile());
        Map<String, String> fields = new LinkedHashMap<>();
        NodeList all = doc.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if ("/lib/form".equals(e.getNamespaceURI()) && e.hasAttribute("field")) {
                fields.putIfAbsent(e.getAttribute("field"), e.getAttribute("help"));
            }
        }
        return fields;
    }

    /** What Stapler binds: the {@code @DataBoundConstructor}'s parameters and the {@code @DataBoundSetter}s. */
    static Set<String> boundParameters(Class<?> type) {
        Set<String> names = new TreeSet<>();
        for (Constructor<?> c : type.getConstructors()) {
            if (c.isAnnotationPresent(DataBoundConstructor.class)) {
                for (Parameter p : c.getParameters()) {
                    assertThat(p.isNamePresent()).as("compiled with -parameters").isTrue();
                    names.add(p.getName());
                }
            }
        }
        for (Method m : type.getMethods()) {
            if (m.isAnnotationPresent(DataBoundSetter.class) && m.getName().startsWith("set")) {
                names.add(Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4));
            }
        }
        return names;
    }
}
