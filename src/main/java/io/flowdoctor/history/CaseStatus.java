package io.flowdoctor.history;

import java.util.Set;

/** The life of an escalation case: OPEN -> ACKNOWLEDGED -> RESOLVED (or OPEN -> RESOLVED directly). */
public enum CaseStatus {
    OPEN,
    ACKNOWLEDGED,
    RESOLVED;

    public boolean canMoveTo(CaseStatus next) {
        return switch (this) {
            case OPEN -> Set.of(ACKNOWLEDGED, RESOLVED).contains(next);
            case ACKNOWLEDGED -> next == RESOLVED;
            case RESOLVED -> false;
        };
    }
}
