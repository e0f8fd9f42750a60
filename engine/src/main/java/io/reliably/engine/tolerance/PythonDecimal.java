package io.reliably.engine.tolerance;

import com.fasterxml.jackson.databind.JsonNode;
import io.reliably.engine.python.PythonValues;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Python's {@code Decimal(value)} as the range tolerance uses it: integers exactly, floats as their exact
 * binary value ({@code Decimal(0.3)} is {@code 0.29999999999999998889...}), booleans as 0 and 1, and
 * strings by Python's decimal grammar (surrounding spaces and digit underscores allowed).
 */
final class PythonDecimal {

    private static final Pattern DECIMAL = Pattern.compile(
            "[+-]?(\\d(_?\\d)*(\\.(\\d(_?\\d)*)?)?|\\.\\d(_?\\d)*)([eE][+-]?\\d(_?\\d)*)?");

    private PythonDecimal() {
    }

    /**
     * @return the value, or empty where Python raises or the comparison cannot hold (not a number,
     *     infinity, NaN)
     */
    static Optional<BigDecimal> of(JsonNode value) {
        if (PythonValues.isNumeric(value)) {
            return PythonValues.exactDecimal(value);
        }
        if (value.isTextual()) {
            String text = value.textValue().strip();
            if (!DECIMAL.matcher(text).matches()) {
                return Optional.empty(); // InvalidOperation, or Infinity/NaN which no finite range holds
            }
            try {
                return Optional.of(new BigDecimal(text.replace("_", "")));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * A range bound as Python sees it: a JSON integer exactly, a JSON float as its exact binary value.
     * The model keeps the bound as written, so a bound with a fraction is taken as the float Python
     * read.
     */
    static BigDecimal ofBound(BigDecimal bound) {
        if (bound.signum() == 0 || bound.stripTrailingZeros().scale() <= 0) {
            return bound;
        }
        return new BigDecimal(bound.doubleValue());
    }
}
