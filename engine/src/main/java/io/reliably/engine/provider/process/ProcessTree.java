package io.reliably.engine.provider.process;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Kills a process and everything it started. Chaos Toolkit kills only the direct child on a timeout,
 * which leaves a shell's children running; we kill the whole tree.
 */
final class ProcessTree {

    private ProcessTree() {
    }

    /** Kills the process and its descendants at once (SIGKILL), looking again for late children. */
    static void destroy(Process process) {
        ProcessHandle root = process.toHandle();
        for (int pass = 0; pass < 3; pass++) {
            List<ProcessHandle> tree = new ArrayList<>(root.descendants().collect(Collectors.toList()));
            boolean rootAlive = root.isAlive();
            if (tree.isEmpty() && !rootAlive) {
                return;
            }
            // the root first, so it starts nothing new; then the snapshot of its descendants
            root.destroyForcibly();
            tree.forEach(ProcessHandle::destroyForcibly);
        }
    }
}
