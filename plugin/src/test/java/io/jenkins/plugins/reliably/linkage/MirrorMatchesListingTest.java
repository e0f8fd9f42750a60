package io.jenkins.plugins.reliably.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The signature mirror (module jenkins-api) says nothing the real Jenkins API does not: every
 * class, with its kind, modifiers, super class and interfaces, and every public or protected
 * member, with its modifiers and descriptor, is a line of the API listing.
 */
class MirrorMatchesListingTest {

    private static final ApiListing LISTING = ApiListing.load();

    /** Annotations Jenkins (Stapler, structs, sezpoz) reads at run time: RUNTIME in the real sources. */
    private static final List<String> RUNTIME_ANNOTATIONS = List.of(
            "hudson/Extension", "org/jenkinsci/Symbol", "org/kohsuke/stapler/DataBoundConstructor",
            "org/kohsuke/stapler/DataBoundSetter", "org/kohsuke/stapler/QueryParameter",
            "org/kohsuke/stapler/AncestorInPath", "org/kohsuke/stapler/interceptor/RequirePOST",
            "org/kohsuke/stapler/verb/POST");

    private static List<ClassNode> mirror() {
        List<ClassNode> classes = ClassFiles.readAll(ClassFiles.originOf(hudson.Extension.class)).stream()
                .filter(c -> !c.name.startsWith("io/jenkins/plugins/reliably/"))
                .toList();
        assertThat(classes).as("mirror classes").hasSizeGreaterThan(50);
        return classes;
    }

    @Test
    void shouldListEveryMirrorClassWithItsKindModifiersAndSupertypes() {
        List<String> wrong = new ArrayList<>();
        for (ClassNode c : mirror()) {
            ApiListing.Type real = LISTING.type(c.name);
            if (real == null) {
                wrong.add(c.name + ": not in the API listing");
                continue;
            }
            Set<String> modifiers = classModifiers(c);
            if (!modifiers.equals(real.modifiers())) {
                wrong.add(c.name + ": " + modifiers + " but Jenkins has " + real.modifiers());
            }
            if (!c.superName.equals(real.superName())) {
                wrong.add(c.name + ": extends " + c.superName + " but Jenkins' extends " + real.superName());
            }
            if (!c.interfaces.equals(real.interfaces())) {
                wrong.add(c.name + ": implements " + c.interfaces + " but Jenkins' implements " + real.interfaces());
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void shouldListEveryPublicOrProtectedMemberOfTheMirror() {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (ClassNode c : mirror()) {
            for (MethodNode m : c.methods) {
                if (!visible(m.access) || (m.access & (Opcodes.ACC_SYNTHETIC | Opcodes.ACC_BRIDGE)) != 0) {
                    continue;
                }
                checked++;
                ApiListing.Member real = LISTING.member(c.name, true, m.name, m.desc);
                if (real == null) {
                    wrong.add(c.name + "." + m.name + m.desc + ": not in the API listing");
                } else if (!memberModifiers(m.access, (c.access & Opcodes.ACC_INTERFACE) != 0).equals(real.modifiers())) {
                    wrong.add(c.name + "." + m.name + m.desc + ": " + memberModifiers(m.access, false) + " but Jenkins has "
                            + real.modifiers());
                }
            }
            for (FieldNode f : c.fields) {
                if (!visible(f.access) || (f.access & Opcodes.ACC_SYNTHETIC) != 0) {
                    continue;
                }
                checked++;
                ApiListing.Member real = LISTING.member(c.name, false, f.name, f.desc);
                if (real == null) {
                    wrong.add(c.name + "." + f.name + " " + f.desc + ": not in the API listing");
                } else if (!memberModifiers(f.access, false).equals(real.modifiers())) {
                    wrong.add(c.name + "." + f.name + ": " + memberModifiers(f.access, false) + " but Jenkins has "
                            + real.modifiers());
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(checked).as("members checked").isGreaterThan(50);
    }

    @Test
    void shouldKeepTheAnnotationsJenkinsReadsAtRunTimeVisible() {
        List<String> wrong = new ArrayList<>();
        for (String name : RUNTIME_ANNOTATIONS) {
            ClassNode annotation = mirror().stream().filter(c -> c.name.equals(name)).findFirst().orElse(null);
            if (annotation == null) {
                wrong.add(name + ": not mirrored");
                continue;
            }
            String retention = annotationValue(annotation.visibleAnnotations, "Ljava/lang/annotation/Retention;");
            if (!"RUNTIME".equals(retention)) {
                wrong.add(name + ": retention " + retention);
            }
        }
        ClassNode extension = mirror().stream().filter(c -> c.name.equals("hudson/Extension")).findFirst().orElseThrow();
        assertThat(extension.visibleAnnotations).extracting(a -> a.desc).contains("Lnet/java/sezpoz/Indexable;");
        assertThat(wrong).isEmpty();
    }

    private static String annotationValue(List<AnnotationNode> annotations, String desc) {
        if (annotations == null) {
            return null;
        }
        for (AnnotationNode a : annotations) {
            if (a.desc.equals(desc) && a.values != null) {
                return ((String[]) a.values.get(1))[1];
            }
        }
        return null;
    }

    private static boolean visible(int access) {
        return (access & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED)) != 0;
    }

    /** As the listing writes a class: kind, then public/protected, abstract, final. */
    static Set<String> classModifiers(ClassNode c) {
        Set<String> words = new LinkedHashSet<>();
        int access = c.access;
        if ((access & Opcodes.ACC_ANNOTATION) != 0) {
            words.add("@interface");
        } else if ((access & Opcodes.ACC_ENUM) != 0) {
            words.add("enum");
        } else if ((access & Opcodes.ACC_INTERFACE) != 0) {
            words.add("interface");
        } else {
            words.add("class");
        }
        if ((access & Opcodes.ACC_PUBLIC) != 0) {
            words.add("public");
        }
        if ((access & Opcodes.ACC_ABSTRACT) != 0) {
            words.add("abstract");
        }
        if ((access & Opcodes.ACC_FINAL) != 0) {
            words.add("final");
        }
        return words;
    }

    /** As the listing writes a member: public/protected, static, final, abstract. */
    static Set<String> memberModifiers(int access, boolean inInterface) {
        Set<String> words = new LinkedHashSet<>();
        if ((access & Opcodes.ACC_PUBLIC) != 0) {
            words.add("public");
        }
        if ((access & Opcodes.ACC_PROTECTED) != 0) {
            words.add("protected");
        }
        if ((access & Opcodes.ACC_STATIC) != 0) {
            words.add("static");
        }
        if ((access & Opcodes.ACC_FINAL) != 0) {
            words.add("final");
        }
        if ((access & Opcodes.ACC_ABSTRACT) != 0) {
            words.add("abstract");
        }
        return words;
    }
}
