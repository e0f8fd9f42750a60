package io.jenkins.plugins.reliably.core;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameters of {@code reliablyGate} with their validation and defaults: the SLO (a workspace
 * path or text), where the indicator values come from, the pinned reference build, and what a
 * warning and a failure do to the build (UNSTABLE and FAILURE unless told).
 */
public final class GateOptions implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String slo;
    private final String sloText;
    private final String sliValuesFile;
    private final boolean sliValuesGiven;
    private boolean ownSli;
    private final Integer referenceBuild;
    private final String warningResult;
    private final String failResult;

    public GateOptions(String slo, String sloText, String sliValuesFile, boolean sliValuesGiven, Integer referenceBuild,
            String warningResult, String failResult) {
        this.slo = blankToNull(slo);
        this.sloText = blankToNull(sloText);
        this.sliValuesFile = blankToNull(sliValuesFile);
        this.sliValuesGiven = sliValuesGiven;
        this.referenceBuild = referenceBuild;
        this.warningResult = blankToNull(warningResult);
        this.failResult = blankToNull(failResult);
    }

    /** Every problem, each naming the parameter and what is expected. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (slo == null && sloText == null) {
            problems.add("slo: give the slo.yaml's path in the workspace, or sloText");
        } else if (slo != null && sloText != null) {
            problems.add("slo: give either slo or sloText, not both");
        }
        if ((sliValuesGiven ? 1 : 0) + (sliValuesFile != null ? 1 : 0) + (ownSli ? 1 : 0) > 1) {
            problems.add("sliValues: give only one of sliValues, sliValuesFile and the gate's own sli definitions");
        }
        if (referenceBuild != null && referenceBuild < 1) {
            problems.add("referenceBuild: expected a build number, got " + referenceBuild);
        }
        if (warningResult != null && BuildOutcome.parseResult(warningResult).isEmpty()) {
            problems.add("warningResult: expected SUCCESS, UNSTABLE or FAILURE, got '" + warningResult + "'");
        }
        if (failResult != null && BuildOutcome.parseResult(failResult).isEmpty()) {
            problems.add("failResult: expected SUCCESS, UNSTABLE or FAILURE, got '" + failResult + "'");
        }
        return problems;
    }

    /** What the gate's result does to the build: pass leaves it, warning and fail per the parameters. */
    public BuildOutcome outcome(io.reliably.engine.slo.GateResult result) {
        return switch (result) {
            case PASS -> BuildOutcome.UNCHANGED;
            case WARNING -> warningResult == null ? BuildOutcome.UNSTABLE : BuildOutcome.parseResult(warningResult).orElseThrow();
            case FAIL -> failResult == null ? BuildOutcome.FAILURE : BuildOutcome.parseResult(failResult).orElseThrow();
        };
    }

    /** The gate queries its own indicators (sli, sliText or metrics); returns this. */
    public GateOptions withOwnSli(boolean own) {
        this.ownSli = own;
        return this;
    }

    /** The name earlier gates are matched by: the SLO's path, or {@code sloText}. */
    public String sloName() {
        return slo != null ? slo : "sloText";
    }

    public String slo() {
        return slo;
    }

    public String sloText() {
        return sloText;
    }

    public String sliValuesFile() {
        return sliValuesFile;
    }

    public Integer referenceBuild() {
        return referenceBuild;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
