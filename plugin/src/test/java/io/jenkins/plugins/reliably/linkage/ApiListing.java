package io.jenkins.plugins.reliably.linkage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The Jenkins API listing (one line per public or protected class or member of the real class
 * files; see ../shared/jenkins-api/README.md), as far as the repository keeps a copy of it in
 * {@code api-listing.txt}.
 */
final class ApiListing {

    /** A class line: kind and modifiers, super class, interfaces. */
    record Type(String name, Set<String> modifiers, String superName, List<String> interfaces) {

        boolean isInterface() {
            return modifiers.contains("interface") || modifiers.contains("@interface");
        }
    }

    /** A member line. */
    record Member(String owner, boolean method, Set<String> modifiers, String name, String descriptor) {

        boolean isStatic() {
            return modifiers.contains("static");
        }

        boolean isAbstract() {
            return modifiers.contains("abstract");
        }

        boolean isFinal() {
            return modifiers.contains("final");
        }
    }

    private final Map<String, Type> types = new HashMap<>();
    private final Map<String, List<Member>> members = new HashMap<>();

    static ApiListing load() {
        ApiListing listing = new ApiListing();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(ApiListing.class.getResourceAsStream("/api-listing.txt"), "api-listing.txt"),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    listing.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return listing;
    }

    private void add(String line) {
        String[] parts = line.split(" \\| ", -1);
        String owner = parts[0];
        List<String> words = Arrays.asList(parts[1].split(" "));
        String kind = words.get(0);
        Set<String> modifiers = new LinkedHashSet<>(words);
        if (kind.equals("method") || kind.equals("field")) {
            modifiers.remove(kind);
            String name;
            String descriptor;
            if (kind.equals("method")) {
                int paren = parts[2].indexOf('(');
                name = parts[2].substring(0, paren);
                descriptor = parts[2].substring(paren);
            } else {
                String[] nd = parts[2].split(" ");
                name = nd[0];
                descriptor = nd[1];
            }
            members.computeIfAbsent(owner, k -> new ArrayList<>())
                    .add(new Member(owner, kind.equals("method"), modifiers, name, descriptor));
        } else {
            String superName = parts[2].replaceFirst("^extends ?", "").trim();
            String implemented = parts[3].replaceFirst("^implements ?", "").trim();
            List<String> interfaces = implemented.isEmpty() ? List.of() : Arrays.asList(implemented.split(","));
            types.put(owner, new Type(owner, modifiers, superName, interfaces));
        }
    }

    Type type(String name) {
        return types.get(name);
    }

    List<Member> members(String owner) {
        return members.getOrDefault(owner, List.of());
    }

    Member member(String owner, boolean method, String name, String descriptor) {
        for (Member m : members(owner)) {
            if (m.method() == method && m.name().equals(name) && m.descriptor().equals(descriptor)) {
                return m;
            }
        }
        return null;
    }
}
