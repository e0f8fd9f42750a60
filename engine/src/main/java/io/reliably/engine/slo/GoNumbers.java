package io.reliably.engine.slo;

import java.math.BigDecimal;

/**
 * Formats numbers as Go's {@code %v} does for a float64, so the gate's messages read exactly like
 * Keptn's ({@code 75} not {@code 75.0}, {@code 66.66666666666667}).
 */
final class GoNumbers {

    private GoNumbers() {
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal exact = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        double magnitude = Math.abs(value);
        if (magnitude >= 1e-4 && magnitude < 1e21) {
            return exact.toPlainString();
        }
        // Go switches to an exponent with at least two digits: 1e+21, 1.5e-05
        String digits = exact.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - exact.scale();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String sign = value < 0 ? "-" : "";
        String expSign = exponent < 0 ? "-" : "+";
        int expAbs = Math.abs(exponent);
        return sign + mantissa + "e" + expSign + (expAbs < 10 ? "0" + expAbs : Integer.toString(expAbs));
    }
}
