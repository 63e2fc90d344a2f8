package io.flowdoctor.intake;

import java.util.UUID;

/**
 * A request came with the key of an earlier one but asks something else: answering it with the earlier
 * diagnosis would be wrong, and counting it would break the promise of the key.
 */
public class IdempotencyConflict extends RuntimeException {

    private final transient UUID diagnosisId;

    IdempotencyConflict(UUID diagnosisId) {
        super("This Idempotency-Key was sent before with another request (diagnosis " + diagnosisId
                + "); send a new key for a new request");
        this.diagnosisId = diagnosisId;
    }

    public UUID diagnosisId() {
        return diagnosisId;
    }
}
