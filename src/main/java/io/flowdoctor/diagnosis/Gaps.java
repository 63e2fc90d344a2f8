package io.flowdoctor.diagnosis;

import java.util.Set;

/**
 * Which answers show a knowledge gap: nothing explained the failure, or only its status code or wording
 * that restates a status did. A canonical signal or anything more specific is an explanation.
 */
public final class Gaps {

    private static final Set<Specificity> UNEXPLAINED = Set.of(Specificity.NONE, Specificity.STATUS_CODE,
            Specificity.GENERIC);

    private Gaps() {
    }

    public static boolean isGap(Diagnosis diagnosis) {
        return diagnosis.category() == Category.UNKNOWN || diagnosis.findings().isEmpty()
                || UNEXPLAINED.contains(diagnosis.findings().get(0).specificity());
    }
}
