package io.flowdoctor.lifecycle;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.flowdoctor.history.KnowledgeGaps;
import io.flowdoctor.scenario.ScenarioSkeleton;

/** A knowledge gap as a scenario to paste: its latest example, read back as the rules saw it. */
@ApplicationScoped
public class GapScenarios {

    private final KnowledgeGaps gaps;
    private final ObjectMapper json;

    public GapScenarios(KnowledgeGaps gaps, ObjectMapper json) {
        this.gaps = gaps;
        this.json = json;
    }

    /** Empty when the gap is unknown or none of its examples can be read back. */
    public Optional<String> skeleton(UUID gapId) {
        return gaps.find(gapId).flatMap(gap -> gaps.latestExample(gapId)
                .flatMap(example -> Replayer.read(example.replayInput(), json)
                        .map(input -> ScenarioSkeleton.of(new ScenarioSkeleton.Origin(gap.id().toString(), gap.template(),
                                gap.occurrences(), gap.flows(), example.diagnosisId().toString()), input))));
    }
}
