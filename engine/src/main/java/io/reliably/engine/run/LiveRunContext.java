package io.reliably.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reliably.engine.experiment.Experiment;
import io.reliably.engine.secret.SecretMasker;

/**
 * The {@link RunContext} of one run. Extensions live in the journal's copy of the experiment
 * ({@code experiment.extensions[name=...]}), so what listeners write lands in the journal.
 */
final class LiveRunContext implements RunContext {

    private final Experiment experiment;
    private final RunControl control;
    private final SecretMasker masker;
    private final ObjectNode journalExperiment;

    LiveRunContext(Experiment experiment, RunControl control, SecretMasker masker, ObjectNode journalExperiment) {
        this.experiment = experiment;
        this.control = control;
        this.masker = masker;
        this.journalExperiment = journalExperiment;
    }

    @Override
    public Experiment experiment() {
        return experiment;
    }

    @Override
    public RunControl control() {
        return control;
    }

    @Override
    public SecretMasker masker() {
        return masker;
    }

    @Override
    public ObjectNode extension(String name) {
        synchronized (journalExperiment) {
            JsonNode existing = journalExperiment.get("extensions");
            ArrayNode extensions = existing instanceof ArrayNode array ? array
                    : journalExperiment.putArray("extensions");
            for (JsonNode entry : extensions) {
                if (entry instanceof ObjectNode object && name.equals(object.path("name").asText(null))) {
                    return object;
                }
            }
            ObjectNode created = extensions.addObject();
            created.put("name", name);
            return created;
        }
    }
}
