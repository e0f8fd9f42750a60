package io.jenkins.plugins.reliably;

import io.jenkins.plugins.reliably.core.InvalidRunException;
import io.jenkins.plugins.reliably.core.SliQuery;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jenkins.security.MasterToSlaveCallable;

/** Queries the indicators on the machine that holds the workspace, where the definitions are. */
final class RemoteSliQuery extends MasterToSlaveCallable<ArrayList<Map<String, Object>>, InvalidRunException> {

    private static final long serialVersionUID = 1L;

    private final SliQuery query;
    private final OutputStream console;

    RemoteSliQuery(SliQuery query, OutputStream console) {
        this.query = query;
        this.console = console;
    }

    @Override
    public ArrayList<Map<String, Object>> call() throws InvalidRunException {
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        List<Map<String, Object>> values = query.run(out);
        out.flush();
        return new ArrayList<>(values);
    }
}
