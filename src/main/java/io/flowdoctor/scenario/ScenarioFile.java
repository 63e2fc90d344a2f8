package io.flowdoctor.scenario;

import java.util.List;

/** A file of scenarios, usually one per rule family; {@code file} is its path from the project root. */
public record ScenarioFile(String file, String family, List<Scenario> cases) {

    public ScenarioFile {
        cases = cases == null ? List.of() : List.copyOf(cases);
    }
}
