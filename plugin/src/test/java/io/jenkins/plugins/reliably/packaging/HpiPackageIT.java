package io.jenkins.plugins.reliably.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import net.java.sezpoz.Index;
import net.java.sezpoz.IndexItem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Opens the built {@code reliably.hpi} as Jenkins would: the manifest's headers, the layout
 * maven-hpi-plugin writes, the extension and symbol indexes, views and help, no class that Jenkins,
 * its plugins or Jackson provide, and the annotations Jenkins reads at run time visible.
 */
class HpiPackageIT {

    /** The plugins we use classes of, at the versions of our Jenkins line-up. */
    private static final Map<String, String> PLUGIN_DEPENDENCIES = Map.of(
            "credentials", "1487.va_d001ede2c31",
            "plain-credentials", "199.v9f8e1f741799",
            "structs", "362.va_b_695ef4fdf9",
            "workflow-api", "1384.vdc05a_48f535f",
            "workflow-step-api", "724.v538c2362b_dfb_",
            "jackson2-api", "2.21.2-436.v29efdb_7418ff",
            "snakeyaml-api", "2.5-149.v72471e9c6371");

    /** Packages whose classes a real Jenkins provides: never bundled. */
    private static final List<String> FORBIDDEN = List.of("hudson/", "jenkins/", "org/jenkinsci/", "org/kohsuke/",
            "com/cloudbees/", "net/sf/json/", "org/jvnet/", "com/fasterxml/jackson/", "org/yaml/snakeyaml/", "org/slf4j/",
            "com/google/common/", "jakarta/servlet/", "javax/servlet/", "net/java/sezpoz/", "edu/umd/cs/findbugs/",
            "javax/annotation/", "org/springframework/");

    private static final List<String> RUNTIME_ANNOTATIONS = List.of("Lhudson/Extension;", "Lorg/jenkinsci/Symbol;",
            "Lorg/kohsuke/stapler/DataBoundConstructor;", "Lorg/kohsuke/stapler/DataBoundSetter;",
            "Lorg/kohsuke/stapler/QueryParameter;", "Lorg/kohsuke/stapler/AncestorInPath;",
            "Lorg/kohsuke/stapler/interceptor/RequirePOST;", "Lorg/kohsuke/stapler/verb/POST;");

    @TempDir
    static Path unpacked;

    private static Path hpi;
    private static Path pluginJar;
    private static Map<String, ClassNode> classes;

    @BeforeAll
    static void open() throws IOException {
        hpi = Path.of(System.getProperty("hpi.file", "target/reliably.hpi"));
        assertThat(hpi).exists();
        pluginJar = unpacked.resolve("reliably.jar");
        try (JarFile jar = new JarFile(hpi.toFile())) {
            JarEntry entry = jar.getJarEntry("WEB-INF/lib/reliably.jar");
            assertThat(entry).as("WEB-INF/lib/reliably.jar").isNotNull();
            try (InputStream in = jar.getInputStream(entry)) {
                Files.copy(in, pluginJar);
            }
        }
        classes = new LinkedHashMap<>();
        try (JarFile jar = new JarFile(pluginJar.toFile())) {
            for (JarEntry e : jar.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
                try (InputStream in = jar.getInputStream(e)) {
                    ClassNode node = new ClassNode();
                    new ClassReader(in).accept(node, ClassReader.SKIP_CODE);
                    classes.put(node.name.replace('/', '.'), node);
                }
            }
        }
    }

    @Test
    void shouldDescribeThePluginInTheManifestAsMavenHpiPluginDoes() throws IOException {
        for (Manifest manifest : List.of(manifestOf(hpi), manifestOf(pluginJar))) {
            Attributes main = manifest.getMainAttributes();
            assertThat(main.getValue("Group-Id")).isEqualTo("io.jenkins.plugins.reliably");
            assertThat(main.getValue("Artifact-Id")).isEqualTo("reliably");
            assertThat(main.getValue("Short-Name")).isEqualTo("reliably");
            assertThat(main.getValue("Long-Name")).isEqualTo("Reliably for Jenkins");
            assertThat(main.getValue("Url")).isEqualTo("https://github.com/jenkinsci/reliably-plugin");
            assertThat(main.getValue("Plugin-Version")).matches("\\d+\\.\\d+\\.\\d+.*");
            assertThat(main.getValue("Jenkins-Version")).isEqualTo("2.516.2");
            assertThat(main.getValue("Hudson-Version")).isEqualTo("2.516.2");
            assertThat(main.getValue("Plugin-Developers")).isNotBlank();
            assertThat(main.getValue("Plugin-License-Name")).isEqualTo("MIT License");
            assertThat(main.getValue("Plugin-License-Url")).isEqualTo("https://opensource.org/licenses/MIT");
            assertThat(main.getValue("Plugin-ScmUrl")).isEqualTo("https://github.com/jenkinsci/reliably-plugin");
            assertThat(main.getValue("Implementation-Build")).isNotBlank();
            assertThat(main.getValue("Plugin-Class")).as("no hudson.Plugin subclass").isNull();
            Map<String, String> dependencies = new LinkedHashMap<>();
            for (String dependency : main.getValue("Plugin-Dependencies").split(",")) {
                String[] idVersion = dependency.split(":");
                dependencies.put(idVersion[0], idVersion[1]);
            }
            assertThat(dependencies).isEqualTo(PLUGIN_DEPENDENCIES);
        }
    }

    @Test
    void shouldHoldOnlyTheManifestAndLibrariesLikeAnHpi() throws IOException {
        List<String> entries = entries(hpi);
        assertThat(entries).contains("META-INF/MANIFEST.MF", "WEB-INF/lib/reliably.jar");
        assertThat(entries).noneMatch(e -> e.startsWith("WEB-INF/classes"));
        assertThat(entries).contains("images/reliably.svg");
        assertThat(entries).allMatch(e -> e.endsWith("/") || e.equals("META-INF/MANIFEST.MF")
                || (e.startsWith("WEB-INF/lib/") && e.endsWith(".jar")) || e.startsWith("images/"));
        assertThat(entries).anyMatch(e -> e.matches("WEB-INF/lib/reliably-engine-.*\\.jar"));
    }

    @Test
    void shouldBundleWhatTheEngineNeedsAndNothingJenkinsProvides() throws IOException {
        Set<String> bundled = new TreeSet<>();
        try (JarFile jar = new JarFile(hpi.toFile())) {
            for (JarEntry lib : jar.stream().filter(e -> e.getName().endsWith(".jar")).toList()) {
                try (JarInputStream in = new JarInputStream(jar.getInputStream(lib))) {
                    for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                        if (e.getName().endsWith(".class")) {
                            bundled.add(e.getName());
                        }
                    }
                }
            }
        }
        assertThat(bundled).contains(
                "io/reliably/engine/journal/Journal.class",
                "io/jenkins/plugins/reliably/ReliablyRunStep.class",
                "net/thisptr/jackson/jq/JsonQuery.class",
                "com/jayway/jsonpath/JsonPath.class",
                "net/minidev/json/JSONValue.class",
                "org/joni/Regex.class");
        List<String> forbidden = bundled.stream()
                .filter(name -> FORBIDDEN.stream().anyMatch(name::startsWith))
                .toList();
        assertThat(forbidden).isEmpty();
    }

    @Test
    void shouldIndexEveryExtensionForJenkinsToFind() throws IOException {
        Set<String> annotated = classesAnnotatedWith("Lhudson/Extension;");
        assertThat(annotated).contains("io.jenkins.plugins.reliably.ReliablyRunStep$DescriptorImpl",
                "io.jenkins.plugins.reliably.ReliablyRunBuilder$DescriptorImpl",
                "io.jenkins.plugins.reliably.SecretBinding$DescriptorImpl");
        Set<String> indexed = new TreeSet<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {pluginJar.toUri().toURL()}, null)) {
            for (IndexItem<hudson.Extension, Object> item : Index.load(hudson.Extension.class, Object.class, loader)) {
                indexed.add(item.className());
            }
        }
        assertThat(indexed).isEqualTo(annotated);
    }

    @Test
    void shouldIndexEverySymbolAsAnnotationIndexerWould() throws IOException {
        Set<String> annotated = classesAnnotatedWith("Lorg/jenkinsci/Symbol;");
        assertThat(annotated).contains("io.jenkins.plugins.reliably.ReliablyRunStep$DescriptorImpl");
        String index = read(pluginJar, "META-INF/annotations/org.jenkinsci.Symbol");
        assertThat(new TreeSet<>(index.lines().toList())).isEqualTo(annotated);
    }

    @Test
    void shouldCarryEveryViewHelpFileAndTheRootIndex() throws IOException {
        Path resources = Path.of("src/main/resources");
        List<String> expected;
        try (Stream<Path> files = Files.walk(resources)) {
            expected = files.filter(Files::isRegularFile).map(f -> resources.relativize(f).toString().replace('\\', '/'))
                    .toList();
        }
        assertThat(expected).contains("index.jelly", "io/jenkins/plugins/reliably/ReliablyRunStep/config.jelly",
                "io/jenkins/plugins/reliably/ReliablyRunStep/help.html");
        assertThat(entries(pluginJar)).containsAll(expected);
    }

    @Test
    void shouldKeepTheAnnotationsJenkinsReadsVisibleAtRunTime() {
        List<String> invisible = new ArrayList<>();
        for (ClassNode c : classes.values()) {
            check(invisible, c.name, c.invisibleAnnotations);
            c.methods.forEach(m -> check(invisible, c.name + "." + m.name, m.invisibleAnnotations));
            c.methods.stream().filter(m -> m.invisibleParameterAnnotations != null).forEach(m -> {
                for (List<AnnotationNode> parameter : m.invisibleParameterAnnotations) {
                    check(invisible, c.name + "." + m.name + " parameter", parameter);
                }
            });
            c.fields.forEach(f -> check(invisible, c.name + "." + f.name, f.invisibleAnnotations));
        }
        assertThat(invisible).isEmpty();
        ClassNode binding = classes.get("io.jenkins.plugins.reliably.SecretBinding");
        MethodNode constructor = binding.methods.stream().filter(m -> m.name.equals("<init>")).findFirst().orElseThrow();
        assertThat(constructor.visibleAnnotations).extracting(a -> a.desc)
                .contains("Lorg/kohsuke/stapler/DataBoundConstructor;");
        assertThat(constructor.parameters).as("compiled with -parameters: Stapler reads the names")
                .extracting(p -> p.name).containsExactly("group", "key", "credentialsId");
        MethodNode check = classes.get("io.jenkins.plugins.reliably.ReliablyRunStep$DescriptorImpl").methods.stream()
                .filter(m -> m.name.equals("doCheckDeviatedResult")).findFirst().orElseThrow();
        assertThat(check.visibleAnnotations).extracting(a -> a.desc).contains("Lorg/kohsuke/stapler/verb/POST;");
        assertThat(check.visibleParameterAnnotations[0]).extracting(a -> a.desc)
                .contains("Lorg/kohsuke/stapler/AncestorInPath;");
        assertThat(check.visibleParameterAnnotations[1]).extracting(a -> a.desc)
                .contains("Lorg/kohsuke/stapler/QueryParameter;");
    }

    private static void check(List<String> invisible, String where, List<AnnotationNode> annotations) {
        if (annotations != null) {
            annotations.stream().filter(a -> RUNTIME_ANNOTATIONS.contains(a.desc))
                    .forEach(a -> invisible.add(where + " " + a.desc));
        }
    }

    private static Set<String> classesAnnotatedWith(String desc) {
        Set<String> names = new TreeSet<>();
        for (ClassNode c : classes.values()) {
            boolean onClass = has(c.visibleAnnotations, desc);
            boolean onMember = c.methods.stream().anyMatch(m -> has(m.visibleAnnotations, desc))
                    || c.fields.stream().anyMatch(f -> has(f.visibleAnnotations, desc));
            if (onClass || onMember) {
                names.add(c.name.replace('/', '.'));
            }
        }
        return names;
    }

    private static boolean has(List<AnnotationNode> annotations, String desc) {
        return annotations != null && annotations.stream().anyMatch(a -> a.desc.equals(desc));
    }

    private static Manifest manifestOf(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return new Manifest(new ByteArrayInputStream(file.getInputStream(file.getJarEntry("META-INF/MANIFEST.MF"))
                    .readAllBytes()));
        }
    }

    private static List<String> entries(Path jar) throws IOException {
        List<String> names = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> e = file.entries(); e.hasMoreElements(); ) {
                names.add(e.nextElement().getName());
            }
        }
        return names;
    }

    private static String read(Path jar, String entry) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            JarEntry e = file.getJarEntry(entry);
            assertThat(e).as(entry).isNotNull();
            return new String(file.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
