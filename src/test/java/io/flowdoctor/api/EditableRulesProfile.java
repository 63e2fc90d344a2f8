package io.flowdoctor.api;

import java.nio.file.Path;
import java.util.Map;

import io.flowdoctor.ProjectRuleBase;
import io.flowdoctor.TestFiles;
import io.quarkus.test.junit.QuarkusTestProfile;

/** Runs the service on a private copy of rules/ and knowledge-base/ that tests edit while it runs. */
public class EditableRulesProfile implements QuarkusTestProfile {

    static final Path ROOT = Path.of("target", "editable-rules");
    static final Path RULES = ROOT.resolve("rules");
    /** The rules a what-if replay tries (the knowledge loop), beside the ones that serve. */
    static final Path CANDIDATE_RULES = ROOT.resolve("candidate-rules");
    static final Path KNOWLEDGE = ROOT.resolve("knowledge-base");

    @Override
    public Map<String, String> getConfigOverrides() {
        TestFiles.deleteTree(ROOT);
        TestFiles.copyTree(ProjectRuleBase.RULES, RULES);
        TestFiles.copyTree(ProjectRuleBase.RULES, CANDIDATE_RULES);
        TestFiles.copyTree(ProjectRuleBase.KNOWLEDGE, KNOWLEDGE);
        return Map.of(
                "flowdoctor.rules-dir", RULES.toString(),
                "flowdoctor.knowledge-base-dir", KNOWLEDGE.toString(),
                "flowdoctor.replay.candidate-rules-dir", CANDIDATE_RULES.toString(),
                "flowdoctor.reload.watch", "true",
                "flowdoctor.reload.quiet-period", "200ms",
                // The tests on this profile break rules on purpose: the rejections' warnings would only alarm whoever
                // reads the build log (their content is asserted through the status instead).
                "quarkus.log.category.\"io.flowdoctor.lifecycle.RuleBaseManager\".level", "ERROR");
    }
}
