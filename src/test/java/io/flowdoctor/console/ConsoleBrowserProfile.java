package io.flowdoctor.console;

import java.nio.file.Path;
import java.util.Map;

import io.flowdoctor.ProjectRuleBase;
import io.flowdoctor.TestFiles;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The console's browser tests run the service on a private copy of rules/ and knowledge-base/, so that one of them
 * can break a rule and see the rejected reload; the tests reload by hand, so the file watch is off.
 */
public class ConsoleBrowserProfile implements QuarkusTestProfile {

    static final Path ROOT = Path.of("target", "console-rules");
    static final Path RULES = ROOT.resolve("rules");

    @Override
    public Map<String, String> getConfigOverrides() {
        TestFiles.deleteTree(ROOT);
        TestFiles.copyTree(ProjectRuleBase.RULES, RULES);
        TestFiles.copyTree(ProjectRuleBase.KNOWLEDGE, ROOT.resolve("knowledge-base"));
        return Map.of(
                "flowdoctor.rules-dir", RULES.toString(),
                "flowdoctor.knowledge-base-dir", ROOT.resolve("knowledge-base").toString(),
                "flowdoctor.reload.watch", "false");
    }
}
