package io.flowdoctor.lifecycle;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.flowdoctor.Instants;
import io.flowdoctor.diagnosis.Diagnosis;
import io.flowdoctor.diagnosis.Gaps;
import io.flowdoctor.diagnosis.ReplayInput;
import io.flowdoctor.history.KnowledgeGaps;
import io.flowdoctor.history.KnowledgeGaps.GapView;
import io.flowdoctor.history.RecordedInputs;
import io.flowdoctor.history.RecordedInputs.Recorded;
import io.flowdoctor.rulebase.RuleBase;

/**
 * When a rule base begins to serve, the open gaps' examples are diagnosed with it: a gap whose every
 * example now gets a specific finding is covered by the rule that explains its latest example, in that version.
 */
@ApplicationScoped
public class GapCoverage {

    private static final Logger LOG = Logger.getLogger(GapCoverage.class);

    private final KnowledgeGaps gaps;
    private final RecordedInputs inputs;
    private final ObjectMapper json;

    public GapCoverage(KnowledgeGaps gaps, RecordedInputs inputs, ObjectMapper json) {
        this.gaps = gaps;
        this.inputs = inputs;
        this.json = json;
    }

    /** Returns how many gaps the rule base covers now. */
    public int check(RuleBase ruleBase) {
        int covered = 0;
        for (GapView gap : gaps.open()) {
            List<UUID> exampleIds = gap.examples().stream().map(KnowledgeGaps.Example::diagnosisId).toList();
            Map<UUID, Recorded> stored = inputs.byIds(exampleIds).stream()
                    .collect(Collectors.toMap(Recorded::diagnosisId, Function.identity()));
            Optional<String> coveringRule = coveringRule(ruleBase, exampleIds, stored);
            if (coveringRule.isPresent()) {
                gaps.cover(gap.id(), coveringRule.get(), ruleBase.version(), Instants.now());
                covered++;
            }
        }
        if (covered > 0) {
            LOG.infof("Rule base %s explains %d knowledge gap(s) now", ruleBase.version(), covered);
        }
        return covered;
    }

    /** The primary rule of the latest example, when every example that can be read back is explained now. */
    private Optional<String> coveringRule(RuleBase ruleBase, List<UUID> exampleIds, Map<UUID, Recorded> stored) {
        String rule = null;
        int explained = 0;
        for (UUID id : exampleIds) {
            Optional<ReplayInput> input = Optional.ofNullable(stored.get(id))
                    .flatMap(recorded -> Replayer.read(recorded.replayInput(), json));
            if (input.isEmpty()) {
                continue;
            }
            Diagnosis diagnosis = Replayer.diagnose(ruleBase, id, input.get());
            if (Gaps.isGap(diagnosis)) {
                return Optional.empty();
            }
            rule = Objects.requireNonNullElse(rule, diagnosis.findings().get(0).ruleId());
            explained++;
        }
        return explained == 0 ? Optional.empty() : Optional.of(rule);
    }
}
