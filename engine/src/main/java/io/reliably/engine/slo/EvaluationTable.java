package io.reliably.engine.slo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Renders an evaluation for people: one row per objective with its value, the value it was compared
 * with, its targets, status and score; then the total score and the result.
 */
public final class EvaluationTable {

    private static final String[] HEADER = {"OBJECTIVE", "VALUE", "COMPARED", "PASS TARGETS", "WARNING TARGETS",
        "STATUS", "SCORE"};

    public String render(Evaluation evaluation) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (IndicatorResult result : evaluation.indicatorResults()) {
            MeasuredValue value = result.value();
            rows.add(new String[] {
                result.label() + (result.keySli() ? " (key)" : ""),
                value.success() ? number(value.value()) : "n/a (" + (value.message().isEmpty() ? "failed" : value.message()) + ")",
                value.compared().map(EvaluationTable::number).orElse("-"),
                targets(result.passTargets()),
                targets(result.warningTargets()),
                result.status().keyword(),
                number(result.score()),
            });
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == 0 ? "" : "  ").append(String.format("%-" + widths[i] + "s", row[i]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        out.append('\n');
        out.append("Score:  ").append(number(evaluation.score())).append("%\n");
        out.append("Result: ").append(evaluation.result().keyword()).append('\n');
        if (!evaluation.comparedEvents().isEmpty()) {
            out.append("Compared with: ").append(String.join(", ", evaluation.comparedEvents())).append('\n');
        }
        if (!evaluation.message().isEmpty()) {
            out.append(evaluation.message()).append('\n');
        }
        return out.toString();
    }

    /** Each criterion with its target, marked when violated: {@code <=+10% (110) ✗}. */
    private static String targets(List<Target> targets) {
        if (targets.isEmpty()) {
            return "-";
        }
        return targets.stream().map(t -> t.criteria() + " ("
                + Optional.ofNullable(t.targetValue()).map(EvaluationTable::number).orElse("no history") + ")"
                + (t.violated() ? " violated" : " ok")).collect(Collectors.joining(", "));
    }

    /** At most two decimals, without trailing zeros. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return new java.math.BigDecimal(value).setScale(2, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }
}
