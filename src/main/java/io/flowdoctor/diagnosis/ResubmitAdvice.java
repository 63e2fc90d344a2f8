package io.flowdoctor.diagnosis;

/** Fact inserted by an advice rule: whether and when to resubmit. Delay and attempts only for AUTOMATIC. */
public record ResubmitAdvice(Resubmit advice, Integer delaySeconds, Integer maxAttempts) {

    public static ResubmitAdvice of(Resubmit advice) {
        return new ResubmitAdvice(advice, null, null);
    }
}
