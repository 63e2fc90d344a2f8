package io.flowdoctor.history;

/** A change to an escalation case that cannot be made: the case is unknown, or the transition is not allowed. */
public class CaseProblem extends RuntimeException {

    private final boolean notFound;

    private CaseProblem(String message, boolean notFound) {
        super(message);
        this.notFound = notFound;
    }

    public static CaseProblem notFound(Object id) {
        return new CaseProblem("No escalation case " + id, true);
    }

    public static CaseProblem noOutage(Object id) {
        return new CaseProblem("No outage case " + id, true);
    }

    public static CaseProblem invalidTransition(CaseStatus from, CaseStatus to) {
        return new CaseProblem("A case that is " + from + " cannot become " + to, false);
    }

    public boolean notFound() {
        return notFound;
    }
}
