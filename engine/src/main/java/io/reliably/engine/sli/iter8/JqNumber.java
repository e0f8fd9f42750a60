package io.reliably.engine.sli.iter8;

import com.fasterxml.jackson.databind.JsonNode;
import io.reliably.engine.sli.IndicatorException;
import io.reliably.engine.sli.ResponseReader;
import java.util.ArrayList;
import java.util.List;
import net.thisptr.jackson.jq.BuiltinFunctionLoader;
import net.thisptr.jackson.jq.JsonQuery;
import net.thisptr.jackson.jq.Scope;
import net.thisptr.jackson.jq.Versions;
import net.thisptr.jackson.jq.exception.JsonQueryException;

/**
 * A compiled {@code jqExpression} whose first result must be a number, as Iter8's {@code unmarshal}
 * requires: no result, a non-number or NaN make the indicator unavailable, and the message says which.
 * Unlike Python (where {@code True} is a number) booleans are refused, and so are infinities, which
 * JSON cannot carry.
 */
public final class JqNumber implements ResponseReader {

    private final String expression;
    private final JsonQuery query;
    private final Scope root;

    private JqNumber(String expression, JsonQuery query, Scope root) {
        this.expression = expression;
        this.query = query;
        this.root = root;
    }

    /** A scope with jq 1.6's built-in functions, shared (read-only) by the expressions compiled with it. */
    public static Scope builtins() {
        Scope scope = Scope.newEmptyScope();
        BuiltinFunctionLoader.getInstance().loadFunctions(Versions.JQ_1_6, scope);
        return scope;
    }

    /** @throws JsonQueryException when the expression does not parse */
    public static JqNumber compile(String expression, Scope builtins) throws JsonQueryException {
        return new JqNumber(expression, JsonQuery.compile(expression, Versions.JQ_1_6), builtins);
    }

    public String expression() {
        return expression;
    }

    @Override
    public double read(JsonNode response) throws IndicatorException {
        List<JsonNode> results = new ArrayList<>();
        try {
            query.apply(Scope.newChildScope(root), response, results::add);
        } catch (JsonQueryException e) {
            if (results.isEmpty()) {
                throw new IndicatorException("jqExpression '" + expression + "' failed on the response: "
                        + e.getMessage());
            }
        }
        if (results.isEmpty()) {
            throw new IndicatorException("jqExpression '" + expression + "' gave no result; expected a number");
        }
        JsonNode first = results.get(0);
        if (!first.isNumber()) {
            String kind = first.isNull() ? "null" : first.isTextual() ? "the string \"" + shorten(first.textValue())
                    + "\"" : first.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
            throw new IndicatorException("jqExpression '" + expression + "' gave " + kind
                    + ", not a number" + (first.isTextual() ? " (add '| tonumber')" : ""));
        }
        double value = first.doubleValue();
        if (Double.isNaN(value)) {
            throw new IndicatorException("jqExpression '" + expression + "' gave NaN; expected a number");
        }
        if (Double.isInfinite(value)) {
            throw new IndicatorException("jqExpression '" + expression + "' gave an infinite number");
        }
        return value;
    }

    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }

    @Override
    public String toString() {
        return expression;
    }
}
