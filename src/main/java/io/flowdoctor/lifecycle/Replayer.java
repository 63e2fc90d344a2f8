package io.flowdoctor.lifecycle;

import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.flowdoctor.diagnosis.Diagnoser;
import io.flowdoctor.diagnosis.Diagnosis;
import io.flowdoctor.diagnosis.ReplayInput;
import io.flowdoctor.knowledge.Language;
import io.flowdoctor.rulebase.RuleBase;

/** Diagnoses a stored failure again, with whichever rule base, as it was diagnosed when it came. */
final class Replayer {

    private Replayer() {
    }

    /** Empty when the stored input cannot be read back. */
    static Optional<ReplayInput> read(JsonNode input, ObjectMapper json) {
        try {
            ReplayInput read = json.treeToValue(input, ReplayInput.class);
            return read == null || read.run() == null || read.history() == null || read.run().actions().isEmpty()
                    ? Optional.empty()
                    : Optional.of(read);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Optional<ReplayInput> read(String input, ObjectMapper json) {
        try {
            return read(json.readTree(input), json);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    static Diagnosis diagnose(RuleBase ruleBase, UUID diagnosisId, ReplayInput input) {
        return Diagnoser.diagnose(ruleBase, input.run(), Language.resolve(input.locale(), null), input.history(),
                new Diagnoser.Options(diagnosisId, null, false));
    }
}
