package io.jenkins.plugins.reliably.linkage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;

/** Reads compiled classes with ASM: a whole tree of class files, or one class off the class path. */
final class ClassFiles {

    private static final Map<String, ClassNode> CLASS_PATH = new HashMap<>();

    private ClassFiles() {
    }

    /** Every class file under a directory or inside a jar. */
    static List<ClassNode> readAll(Path root) {
        try {
            if (Files.isDirectory(root)) {
                return readTree(root);
            }
            try (FileSystem jar = FileSystems.newFileSystem(root)) {
                return readTree(jar.getPath("/"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<ClassNode> readTree(Path root) throws IOException {
        List<ClassNode> nodes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    nodes.add(read(in));
                }
            }
        }
        return nodes;
    }

    /** The directory or jar a class was loaded from. */
    static Path originOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A class from the test class path (JDK included), or {@code null}. */
    static synchronized ClassNode fromClassPath(String internalName) {
        if (CLASS_PATH.containsKey(internalName)) {
            return CLASS_PATH.get(internalName);
        }
        ClassNode node = null;
        URL url = ClassLoader.getSystemResource(internalName + ".class");
        if (url != null) {
            try (InputStream in = url.openStream()) {
                node = read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        CLASS_PATH.put(internalName, node);
        return node;
    }

    private static ClassNode read(InputStream in) throws IOException {
        ClassNode node = new ClassNode();
        new ClassReader(in).accept(node, ClassReader.SKIP_FRAMES);
        return node;
    }
}
