package io.jenkins.plugins.reliably;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Action;
import hudson.model.Describable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.junit.jupiter.api.Test;

/**
 * Nothing Jenkins persists (build actions, configured describables, step executions) holds a Java
 * record, however deep: Jenkins 2.516's XStream cannot read records back.
 */
class PersistedStateTest {

    private static final List<Class<?>> PERSISTED = List.of(ReliablyRunAction.class, ReliablyGateAction.class,
            ReliablyIndicatorsAction.class, SecretBinding.class, ReliablyRunBuilder.class, ReliablyGateBuilder.class,
            QuerySliBuilder.class, ReliablyRunStep.class, ReliablyGateStep.class, QuerySliStep.class,
            ReliablyRunExecution.class, ReliablyGateStep.Execution.class, QuerySliStep.Execution.class);

    @Test
    void shouldPersistNoRecord() {
        assertThat(PERSISTED).allMatch(c -> Action.class.isAssignableFrom(c) || Describable.class.isAssignableFrom(c)
                || StepExecution.class.isAssignableFrom(c));
        List<String> records = new ArrayList<>();
        Set<Class<?>> seen = new HashSet<>();
        for (Class<?> type : PERSISTED) {
            walk(type, type.getSimpleName(), records, seen);
        }
        assertThat(records).isEmpty();
    }

    @Test
    void shouldNoticeARecord() {
        record Inner(String value) {
        }
        class Holder {
            Inner inner;
        }
        List<String> records = new ArrayList<>();
        walk(Holder.class, "Holder", records, new HashSet<>());
        assertThat(records).singleElement().asString().contains("Holder.inner");
    }

    private static void walk(Class<?> type, String path, List<String> records, Set<Class<?>> seen) {
        if (!seen.add(type)) {
            return;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int mods = field.getModifiers();
                if (Modifier.isStatic(mods) || Modifier.isTransient(mods)) {
                    continue;
                }
                for (Class<?> used : types(field.getGenericType())) {
                    String where = path + "." + field.getName();
                    if (used.isRecord()) {
                        records.add(where + ": " + used.getName() + " is a record");
                    } else if (used.getName().startsWith("io.")) {
                        walk(used, where, records, seen);
                    }
                }
            }
        }
    }

    private static List<Class<?>> types(Type type) {
        List<Class<?>> types = new ArrayList<>();
        if (type instanceof Class<?> c) {
            types.add(c.isArray() ? c.getComponentType() : c);
        } else if (type instanceof ParameterizedType p) {
            types.addAll(types(p.getRawType()));
            for (Type arg : p.getActualTypeArguments()) {
                types.addAll(types(arg));
            }
        }
        return types;
    }
}
