package io.flowdoctor.knowledge;

import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether resubmitting the whole run is safe once the tip is followed (see KNOWLEDGE.md). */
public enum ResubmitSafety implements Coded {
    SAFE("safe"),
    CHECK_FIRST("check-first"),
    NEVER("never");

    private final String code;

    ResubmitSafety(String code) {
        this.code = code;
    }

    /**
     * Whether the rule's resubmit advice (NOW, AUTOMATIC, AFTER_FIX, NOT_ADVISED, by name) agrees with this safety: safe
     * fits NOW, AUTOMATIC and AFTER_FIX; check-first fits every advice (its check comes first whatever the advice, and
     * no resubmit link is offered before it); never fits NOT_ADVISED and AFTER_FIX (after the fix a new run, not a
     * resubmit).
     */
    public boolean fits(String advice) {
        return switch (this) {
            case SAFE -> Set.of("NOW", "AUTOMATIC", "AFTER_FIX").contains(advice);
            case CHECK_FIRST -> true;
            case NEVER -> Set.of("AFTER_FIX", "NOT_ADVISED").contains(advice);
        };
    }

    /** The advice this safety fits, for a message. */
    public String fitting() {
        return switch (this) {
            case SAFE -> "NOW, AUTOMATIC or AFTER_FIX";
            case CHECK_FIRST -> "any advice";
            case NEVER -> "AFTER_FIX or NOT_ADVISED";
        };
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }
}
