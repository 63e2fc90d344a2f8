package io.flowdoctor.api;

import java.nio.file.Path;
import java.util.Map;

import io.flowdoctor.ProjectRuleBase;
import io.flowdoctor.TestFiles;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Runs the service on a private copy of rules/ and knowledge-base/ that tests edit while it runs (watched:
 * an edit reloads), with a second copy of the rules as the what-if replay's candidate (not watched).
 */
public class KnowledgeLoopProfile implements QuarkusTestProfile {

    static final Path ROOT = Path.of("target", "knowledge-loop");
    static final Path RULES = ROOT.resolve("rules");
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
                "flowdoctor.reload.quiet-period", "200ms");
    }
}
