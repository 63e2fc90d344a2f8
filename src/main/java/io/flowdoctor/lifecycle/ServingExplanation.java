package io.flowdoctor.lifecycle;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.flowdoctor.diagnosis.Diagnoser;
import io.flowdoctor.diagnosis.Diagnosis;
import io.flowdoctor.history.RecordedInputs;
import io.flowdoctor.knowledge.Language;
import io.flowdoctor.rulebase.ActiveRuleBase;

/**
 * A stored failure as the serving rules explain it now: the audit keeps the matched facts only of diagnoses
 * asked with explain=true, so the console diagnoses the stored replay input again, with explanations, for every
 * other one. The answer may differ from the one given when the rules changed since.
 */
@ApplicationScoped
public class ServingExplanation {

    private final RecordedInputs inputs;
    private final ActiveRuleBase active;
    private final ObjectMapper json;

    public ServingExplanation(RecordedInputs inputs, ActiveRuleBase active, ObjectMapper json) {
        this.inputs = inputs;
        this.active = active;
        this.json = json;
    }

    /** Empty when the diagnosis is unknown or kept no input that can be read back. */
    public Optional<Diagnosis> of(UUID diagnosisId) {
        return inputs.byIds(List.of(diagnosisId)).stream().findFirst()
                .flatMap(recorded -> Replayer.read(recorded.replayInput(), json))
                .map(input -> Diagnoser.diagnose(active.current(), input.run(), Language.resolve(input.locale(), null),
                        input.history(), new Diagnoser.Options(diagnosisId, null, true)));
    }
}
