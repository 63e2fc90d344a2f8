package io.flowdoctor.scenario;

import java.util.List;

/** A scenario that does not hold against a rule base, with every expectation it missed. */
public record ScenarioFailure(String file, String scenario, List<Mismatch> mismatches) {

    public ScenarioFailure {
        mismatches = List.copyOf(mismatches);
    }

    @Override
    public String toString() {
        return file + ": scenario '" + scenario + "'\n    "
                + String.join("\n    ", mismatches.stream().map(Mismatch::toString).toList());
    }
}
