package io.jenkins.plugins.reliably.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.reliably.ReliablyRunStep;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * Everything the plugin's class files use of Jenkins and its plugins exists in the real API, as
 * the JVM links it (name and descriptor, static or not), looked up through the real supertypes;
 * every abstract method the plugin inherits is implemented, and no final method is overridden.
 * What compiles against the mirror but would fail in Jenkins with NoSuchMethodError,
 * NoClassDefFoundError or AbstractMethodError fails here.
 */
class PluginLinksToListingTest {

    private static final ApiListing LISTING = ApiListing.load();
    private static final List<String> JENKINS_PACKAGES = List.of("hudson/", "jenkins/", "org/jenkinsci/",
            "org/kohsuke/", "net/sf/json/", "com/cloudbees/", "org/jvnet/", "org/jenkins/");

    private static final Map<String, ClassNode> PLUGIN = new HashMap<>();

    @BeforeAll
    static void readPlugin() {
        for (ClassNode c : ClassFiles.readAll(ClassFiles.originOf(ReliablyRunStep.class))) {
            PLUGIN.put(c.name, c);
        }
        assertThat(PLUGIN).as("plugin classes").containsKey("io/jenkins/plugins/reliably/ReliablyRunStep");
    }

    static boolean isJenkins(String internalName) {
        return JENKINS_PACKAGES.stream().anyMatch(internalName::startsWith);
    }

    @Test
    void shouldUseOnlyClassesOfTheRealApi() {
        Set<String> wrong = new TreeSet<>();
        int references = 0;
        for (ClassNode c : PLUGIN.values()) {
            for (String type : typesUsedBy(c)) {
                if (isJenkins(type)) {
                    references++;
                    if (LISTING.type(type) == null) {
                        wrong.add(c.name + " uses " + type);
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(references).as("references into Jenkins").isGreaterThan(20);
    }

    @Test
    void shouldKeepTheRunCoreFreeOfJenkins() {
        Set<String> wrong = new TreeSet<>();
        PLUGIN.values().stream().filter(c -> c.name.startsWith("io/jenkins/plugins/reliably/core/")).forEach(c -> {
            for (String type : typesUsedBy(c)) {
                if (isJenkins(type)) {
                    wrong.add(c.name + " uses " + type);
                }
            }
        });
        assertThat(PLUGIN.keySet()).anyMatch(n -> n.startsWith("io/jenkins/plugins/reliably/core/"));
        assertThat(wrong).isEmpty();
    }

    @Test
    void shouldCallOnlyMethodsAndFieldsOfTheRealApi() {
        Set<String> wrong = new TreeSet<>();
        int calls = 0;
        for (ClassNode c : PLUGIN.values()) {
            for (MethodNode m : c.methods) {
                for (AbstractInsnNode insn : m.instructions) {
                    if (insn instanceof MethodInsnNode call && isJenkins(call.owner)) {
                        calls++;
                        check(wrong, c, true, call.owner, call.name, call.desc, call.getOpcode() == Opcodes.INVOKESTATIC);
                    } else if (insn instanceof FieldInsnNode field && isJenkins(field.owner)) {
                        calls++;
                        boolean isStatic = field.getOpcode() == Opcodes.GETSTATIC || field.getOpcode() == Opcodes.PUTSTATIC;
                        check(wrong, c, false, field.owner, field.name, field.desc, isStatic);
                    } else if (insn instanceof InvokeDynamicInsnNode indy) {
                        for (Object arg : indy.bsmArgs) {
                            if (arg instanceof Handle h && isJenkins(h.getOwner())) {
                                calls++;
                                check(wrong, c, true, h.getOwner(), h.getName(), h.getDesc(),
                                        h.getTag() == Opcodes.H_INVOKESTATIC);
                            }
                        }
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(calls).as("calls into Jenkins").isGreaterThan(20);
    }

    @Test
    void shouldImplementEveryAbstractMethodItInherits() {
        List<String> wrong = new ArrayList<>();
        for (ClassNode c : PLUGIN.values()) {
            if ((c.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_INTERFACE)) != 0 || !extendsJenkins(c)) {
                continue;
            }
            Set<String> concrete = new HashSet<>();
            Map<String, String> abstracts = new HashMap<>();
            collect(c.name, concrete, abstracts, new HashSet<>(), true);
            abstracts.keySet().removeAll(concrete);
            abstracts.forEach((method, owner) -> wrong.add(c.name + " does not implement " + owner + "." + method));
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void shouldOverrideNoFinalMethod() {
        List<String> wrong = new ArrayList<>();
        for (ClassNode c : PLUGIN.values()) {
            for (MethodNode m : c.methods) {
                if (m.name.startsWith("<") || (m.access & (Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE)) != 0) {
                    continue;
                }
                String finalIn = finalIn(superTypes(c.name), m.name, m.desc, new HashSet<>());
                if (finalIn != null) {
                    wrong.add(c.name + "." + m.name + m.desc + " overrides final " + finalIn);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private void check(Set<String> wrong, ClassNode user, boolean method, String owner, String name, String desc,
            boolean isStatic) {
        Object found = resolve(owner, method, name, desc, new HashSet<>());
        String what = owner + "." + name + (method ? desc : " " + desc);
        if (found == null) {
            wrong.add(user.name + " uses " + what + ": not in the API listing");
        } else if (found instanceof ApiListing.Member member && member.isStatic() != isStatic) {
            wrong.add(user.name + " uses " + what + (isStatic ? " as static" : " as an instance member")
                    + " but Jenkins has " + member.modifiers());
        }
    }

    /** A listing member or a class-path member declared by the type or a supertype, or null. */
    private Object resolve(String owner, boolean method, String name, String desc, Set<String> seen) {
        if (!seen.add(owner)) {
            return null;
        }
        if (isJenkins(owner)) {
            ApiListing.Member member = LISTING.member(owner, method, name, desc);
            if (member != null) {
                return member;
            }
        } else {
            ClassNode node = ClassFiles.fromClassPath(owner);
            if (node != null && declares(node, method, name, desc)) {
                return node;
            }
        }
        for (String parent : superTypes(owner)) {
            Object found = resolve(parent, method, name, desc, seen);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static boolean declares(ClassNode node, boolean method, String name, String desc) {
        if (method) {
            return node.methods.stream().anyMatch(m -> m.name.equals(name) && m.desc.equals(desc));
        }
        return node.fields.stream().anyMatch(f -> f.name.equals(name) && f.desc.equals(desc));
    }

    /** Super class first, then interfaces: from our classes, the listing, or the class path. */
    private List<String> superTypes(String name) {
        List<String> supers = new ArrayList<>();
        ClassNode ours = PLUGIN.get(name);
        if (ours != null) {
            if (ours.superName != null) {
                supers.add(ours.superName);
            }
            supers.addAll(ours.interfaces);
        } else if (isJenkins(name)) {
            ApiListing.Type type = LISTING.type(name);
            if (type != null) {
                if (!type.superName().isEmpty() && !type.name().equals("java/lang/Object")) {
                    supers.add(type.superName());
                }
                supers.addAll(type.interfaces());
            }
        } else {
            ClassNode node = ClassFiles.fromClassPath(name);
            if (node != null) {
                if (node.superName != null) {
                    supers.add(node.superName);
                }
                supers.addAll(node.interfaces);
            }
        }
        return supers;
    }

    private boolean extendsJenkins(ClassNode c) {
        Set<String> seen = new HashSet<>();
        List<String> todo = new ArrayList<>(superTypes(c.name));
        while (!todo.isEmpty()) {
            String next = todo.remove(0);
            if (isJenkins(next)) {
                return true;
            }
            if (seen.add(next)) {
                todo.addAll(superTypes(next));
            }
        }
        return false;
    }

    /**
     * Walks the type and its supertypes: concrete instance methods of the class chain and default
     * methods of interfaces implement; abstract ones must be implemented.
     */
    private void collect(String name, Set<String> concrete, Map<String, String> abstracts, Set<String> seen,
            boolean classChain) {
        if (!seen.add(name)) {
            return;
        }
        boolean isInterface;
        if (PLUGIN.containsKey(name) || !isJenkins(name)) {
            ClassNode node = PLUGIN.containsKey(name) ? PLUGIN.get(name) : ClassFiles.fromClassPath(name);
            if (node == null) {
                return;
            }
            isInterface = (node.access & Opcodes.ACC_INTERFACE) != 0;
            for (MethodNode m : node.methods) {
                if ((m.access & Opcodes.ACC_STATIC) != 0 || m.name.startsWith("<")) {
                    continue;
                }
                String key = m.name + m.desc;
                if ((m.access & Opcodes.ACC_ABSTRACT) != 0) {
                    abstracts.putIfAbsent(key, name);
                } else if (!isInterface || (m.access & Opcodes.ACC_PRIVATE) == 0) {
                    concrete.add(key);
                }
            }
        } else {
            ApiListing.Type type = LISTING.type(name);
            if (type == null) {
                return;
            }
            for (ApiListing.Member m : LISTING.members(name)) {
                if (!m.method() || m.isStatic() || m.name().startsWith("<")) {
                    continue;
                }
                String key = m.name() + m.descriptor();
                if (m.isAbstract()) {
                    abstracts.putIfAbsent(key, name);
                } else {
                    concrete.add(key);
                }
            }
        }
        for (String parent : superTypes(name)) {
            collect(parent, concrete, abstracts, seen, classChain);
        }
    }

    private String finalIn(List<String> types, String name, String desc, Set<String> seen) {
        for (String type : types) {
            if (!seen.add(type)) {
                continue;
            }
            if (isJenkins(type)) {
                ApiListing.Member m = LISTING.member(type, true, name, desc);
                if (m != null && m.isFinal()) {
                    return type;
                }
            } else if (!PLUGIN.containsKey(type)) {
                ClassNode node = ClassFiles.fromClassPath(type);
                if (node != null && node.methods.stream().anyMatch(m -> m.name.equals(name) && m.desc.equals(desc)
                        && (m.access & Opcodes.ACC_FINAL) != 0)) {
                    return type;
                }
            }
            String found = finalIn(superTypes(type), name, desc, seen);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Every class a class file names: supertypes, signatures, instructions, annotations, catches. */
    private static Set<String> typesUsedBy(ClassNode c) {
        Set<String> types = new TreeSet<>();
        if (c.superName != null) {
            types.add(c.superName);
        }
        types.addAll(c.interfaces);
        annotations(types, c.visibleAnnotations, c.invisibleAnnotations);
        for (FieldNode f : c.fields) {
            addDescriptor(types, Type.getType(f.desc));
            annotations(types, f.visibleAnnotations, f.invisibleAnnotations);
        }
        for (MethodNode m : c.methods) {
            addDescriptor(types, Type.getMethodType(m.desc));
            annotations(types, m.visibleAnnotations, m.invisibleAnnotations);
            if (m.exceptions != null) {
                types.addAll(m.exceptions);
            }
            for (TryCatchBlockNode t : m.tryCatchBlocks) {
                if (t.type != null) {
                    types.add(t.type);
                }
            }
            for (AbstractInsnNode insn : m.instructions) {
                if (insn instanceof MethodInsnNode call) {
                    addOwner(types, call.owner);
                    addDescriptor(types, Type.getMethodType(call.desc));
                } else if (insn instanceof FieldInsnNode field) {
                    addOwner(types, field.owner);
                    addDescriptor(types, Type.getType(field.desc));
                } else if (insn instanceof TypeInsnNode type) {
                    addOwner(types, type.desc);
                } else if (insn instanceof LdcInsnNode ldc && ldc.cst instanceof Type t) {
                    addDescriptor(types, t);
                }
            }
        }
        return types;
    }

    @SafeVarargs
    private static void annotations(Set<String> types, List<AnnotationNode>... lists) {
        for (List<AnnotationNode> list : lists) {
            if (list != null) {
                list.forEach(a -> addDescriptor(types, Type.getType(a.desc)));
            }
        }
    }

    private static void addOwner(Set<String> types, String owner) {
        addDescriptor(types, owner.startsWith("[") ? Type.getType(owner) : Type.getObjectType(owner));
    }

    private static void addDescriptor(Set<String> types, Type type) {
        switch (type.getSort()) {
            case Type.ARRAY -> addDescriptor(types, type.getElementType());
            case Type.OBJECT -> types.add(type.getInternalName());
            case Type.METHOD -> {
                addDescriptor(types, type.getReturnType());
                for (Type arg : type.getArgumentTypes()) {
                    addDescriptor(types, arg);
                }
            }
            default -> { }
        }
    }
}
