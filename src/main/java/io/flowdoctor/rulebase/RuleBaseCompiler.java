package io.flowdoctor.rulebase;

import io.flowdoctor.knowledge.DisplayPath;
import io.flowdoctor.knowledge.KnowledgeBase;
import io.flowdoctor.knowledge.KnowledgeBaseException;
import io.flowdoctor.knowledge.KnowledgeBaseLoader;
import io.flowdoctor.rulebase.DroolsInternals.ParsedRule;
import io.flowdoctor.rulebase.RuleOutlines.Reference;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles every .drl under the rules directory into a KieBase and checks it against the knowledge
 * base: every rule has a unique {@code @id}, every tip and text a rule names exists.
 */
public final class RuleBaseCompiler {

    private final ClassLoader classLoader;

    public RuleBaseCompiler(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    public RuleBase compile(Path rulesDirectory, Path knowledgeDirectory) {
        List<RuleProblem> problems = new ArrayList<>();
        // Named before anything is read: a file edited during the compile then makes the name older than
        // the content, never newer, and the reload that edit triggers names it right.
        String version = version(rulesDirectory, knowledgeDirectory, problems);
        KnowledgeBase knowledge = loadKnowledge(knowledgeDirectory, problems);
        List<Path> ruleFiles = ruleFiles(rulesDirectory, problems);

        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, classLoader));
        // One batch for all files: the Java compiler then resolves the rules' imports and types once for
        // the whole rule base instead of once per file, which was most of the compile time at 10,000 rules.
        CompositeKnowledgeBuilder batch = builder.batch();
        for (Path file : ruleFiles) {
            Resource resource = ResourceFactory.newFileResource(file.toFile());
            resource.setSourcePath(DisplayPath.of(rulesDirectory, file));
            if (DecisionTables.isTable(file)) {
                batch.add(resource, ResourceType.DTABLE, DecisionTables.configuration());
            } else {
                batch.add(resource, ResourceType.DRL);
            }
        }
        batch.build();
        // One parse serves the reference check and the outlines.
        List<ParsedRule> parsed = DroolsInternals.parsedRules(builder);
        if (knowledge != null) {
            checkReferences(parsed, knowledge, problems);
        }
        for (ParsedRule rule : parsed) {
            RuleOutlines.inconsistencies(rule).forEach(problem -> problems.add(new RuleProblem(rule.file(), rule.line(), problem)));
        }
        for (KnowledgeBuilderError error : builder.getErrors()) {
            String file = error.getResource() == null ? rulesDirectory.getFileName().toString() : error.getResource().getSourcePath();
            int line = error.getLines().length > 0 ? error.getLines()[0] : 0;
            if (DecisionTables.isTable(Path.of(file))) {
                // The builder counts lines of the DRL it generated from the table; the analyst needs the table's row.
                problems.add(DecisionTables.problemAtRow(rulesDirectory, file, line, error.getMessage().strip()));
            } else {
                problems.add(new RuleProblem(file, line, error.getMessage().strip()));
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleBaseException(problems);
        }

        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(KieServices.get().newKieBaseConfiguration(null, classLoader));
        kieBase.addPackages(builder.getKnowledgePackages());
        Map<String, RuleRef> rules = ruleRefs(kieBase, problems);
        if (!problems.isEmpty()) {
            throw new RuleBaseException(problems);
        }
        Map<String, RuleOutline> outlines = outlines(parsed, rules);
        checkEvidence(outlines, knowledge, problems);
        if (!problems.isEmpty()) {
            throw new RuleBaseException(problems);
        }
        return new RuleBase(kieBase, knowledge, version, rules, outlines, Instant.now());
    }

    private static String version(Path rulesDirectory, Path knowledgeDirectory, List<RuleProblem> problems) {
        if (!Files.isDirectory(rulesDirectory) || !Files.isDirectory(knowledgeDirectory)) {
            return null; // reported below, where the directories are read
        }
        try {
            return RuleSetVersion.of(rulesDirectory, knowledgeDirectory);
        } catch (UncheckedIOException e) {
            problems.add(new RuleProblem(rulesDirectory.toString(), 0, "cannot read the rule set: " + e.getCause().getMessage()));
            return null;
        }
    }

    private static KnowledgeBase loadKnowledge(Path knowledgeDirectory, List<RuleProblem> problems) {
        try {
            return KnowledgeBaseLoader.load(knowledgeDirectory);
        } catch (KnowledgeBaseException e) {
            for (String problem : e.problems()) {
                int colon = problem.indexOf(": ");
                problems.add(colon < 0 ? new RuleProblem(problem, 0, "")
                        : new RuleProblem(problem.substring(0, colon), 0, problem.substring(colon + 2)));
            }
            return null;
        }
    }

    private static List<Path> ruleFiles(Path rulesDirectory, List<RuleProblem> problems) {
        if (!Files.isDirectory(rulesDirectory)) {
            problems.add(new RuleProblem(rulesDirectory.toAbsolutePath().toString(), 0, "rules directory not found"));
            return List.of();
        }
        try {
            List<Path> files = RuleSetVersion.regularFiles(rulesDirectory).stream()
                    .filter(file -> file.getFileName().toString().endsWith(".drl") || DecisionTables.isTable(file))
                    .toList();
            if (files.isEmpty()) {
                problems.add(new RuleProblem(rulesDirectory.toAbsolutePath().toString(), 0, "no .drl or .drl.csv files found"));
            }
            return files;
        } catch (IOException e) {
            problems.add(new RuleProblem(rulesDirectory.toString(), 0, e.getMessage()));
            return List.of();
        }
    }

    private static void checkReferences(List<ParsedRule> parsed, KnowledgeBase knowledge, List<RuleProblem> problems) {
        for (ParsedRule rule : parsed) {
            for (Reference reference : RuleOutlines.references(rule)) {
                if (reference.kind() == Reference.Kind.TIP && !knowledge.hasTip(reference.id())) {
                    problems.add(new RuleProblem(rule.file(), reference.line(),
                            "tip '" + reference.id() + "' is not in knowledge-base/tips"));
                } else if (reference.kind() == Reference.Kind.TEXT && !knowledge.hasText(reference.id())) {
                    problems.add(new RuleProblem(rule.file(), reference.line(),
                            "text '" + reference.id() + "' is not in knowledge-base/texts.yaml"));
                }
            }
        }
    }

    /** A rule that draws a finding says what it saw, in knowledge-base/evidence/ under its family's key. */
    private static void checkEvidence(Map<String, RuleOutline> outlines, KnowledgeBase knowledge, List<RuleProblem> problems) {
        for (RuleOutline outline : outlines.values()) {
            if (!outline.categories().isEmpty() && !knowledge.hasEvidence(outline.rule().ruleId())) {
                problems.add(new RuleProblem(outline.rule().file(), 0, "rule " + outline.rule().ruleId()
                        + " draws a finding but has no evidence in knowledge-base/evidence/" + outline.family() + ".yaml"));
            }
        }
    }

    private static Map<String, RuleRef> ruleRefs(KieBase kieBase, List<RuleProblem> problems) {
        Map<String, RuleRef> rules = new HashMap<>();
        Map<String, RuleRef> byId = new HashMap<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                String file = DroolsInternals.sourcePath(rule);
                Object id = rule.getMetaData().get("id");
                if (id == null || id.toString().isBlank()) {
                    problems.add(new RuleProblem(file, 0, "rule \"" + rule.getName() + "\" has no @id"));
                    continue;
                }
                RuleRef ref = new RuleRef(id.toString(), rule.getName(), file);
                RuleRef clash = byId.put(ref.ruleId(), ref);
                if (clash != null) {
                    problems.add(new RuleProblem(file, 0, "rule id " + ref.ruleId() + " of \"" + ref.rule()
                            + "\" is already used by \"" + clash.rule() + "\" in " + clash.file()));
                }
                rules.put(RuleBase.key(kiePackage.getName(), rule.getName()), ref);
            }
        }
        return rules;
    }

    private static Map<String, RuleOutline> outlines(List<ParsedRule> parsed, Map<String, RuleRef> rules) {
        Map<String, String> consequenceByFileAndRule = new HashMap<>();
        parsed.forEach(rule -> consequenceByFileAndRule.put(rule.file() + "\n" + rule.name(), rule.consequence()));
        Map<String, RuleOutline> outlines = new HashMap<>();
        for (RuleRef rule : rules.values()) {
            outlines.put(rule.ruleId(), RuleOutlines.outline(rule, consequenceByFileAndRule.get(rule.file() + "\n" + rule.rule())));
        }
        return outlines;
    }
}
