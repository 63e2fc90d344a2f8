package io.flowdoctor.rulebase;

import io.flowdoctor.knowledge.KnowledgeBase;
import io.flowdoctor.knowledge.KnowledgeBaseException;
import io.flowdoctor.knowledge.KnowledgeBaseLoader;
import org.drools.compiler.builder.impl.KnowledgeBuilderImpl;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles every .drl under the rules directory into a KieBase and checks it against the knowledge
 * base: every rule has a unique {@code @id}, every tip and text a rule names exists.
 */
public final class RuleBaseCompiler {

    /** How a consequence names texts: {@code new Recommendation("tip.id", ...)} and {@code new Escalation(..., "text.id")}. */
    private static final Pattern TIP_REFERENCE = Pattern.compile("new\\s+Recommendation\\s*\\(\\s*\"([^\"]+)\"");
    private static final Pattern TEXT_REFERENCE =
            Pattern.compile("new\\s+Escalation\\s*\\(\\s*EscalationLevel\\.\\w+\\s*,\\s*\"([^\"]+)\"");

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
        List<Path> drlFiles = drlFiles(rulesDirectory, problems);

        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, classLoader));
        // One batch for all files: the Java compiler then resolves the rules' imports and types once for
        // the whole rule base instead of once per file, which was most of the compile time at 10,000 rules.
        CompositeKnowledgeBuilder batch = builder.batch();
        for (Path file : drlFiles) {
            Resource resource = ResourceFactory.newFileResource(file.toFile());
            resource.setSourcePath(displayName(rulesDirectory, file));
            batch.add(resource, ResourceType.DRL);
            if (knowledge != null) {
                checkReferences(rulesDirectory, file, knowledge, problems);
            }
        }
        batch.build();
        for (KnowledgeBuilderError error : builder.getErrors()) {
            String file = error.getResource() == null ? rulesDirectory.getFileName().toString() : error.getResource().getSourcePath();
            int line = error.getLines().length > 0 ? error.getLines()[0] : 0;
            problems.add(new RuleProblem(file, line, error.getMessage().strip()));
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
        return new RuleBase(kieBase, knowledge, version, rules,
                outlines(builder, kieBase, rules), Instant.now());
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

    private static List<Path> drlFiles(Path rulesDirectory, List<RuleProblem> problems) {
        if (!Files.isDirectory(rulesDirectory)) {
            problems.add(new RuleProblem(rulesDirectory.toAbsolutePath().toString(), 0, "rules directory not found"));
            return List.of();
        }
        try {
            List<Path> files = RuleSetVersion.regularFiles(rulesDirectory).stream()
                    .filter(file -> file.getFileName().toString().endsWith(".drl"))
                    .toList();
            if (files.isEmpty()) {
                problems.add(new RuleProblem(rulesDirectory.toAbsolutePath().toString(), 0, "no .drl files found"));
            }
            return files;
        } catch (IOException e) {
            problems.add(new RuleProblem(rulesDirectory.toString(), 0, e.getMessage()));
            return List.of();
        }
    }

    private static void checkReferences(Path rulesDirectory, Path file, KnowledgeBase knowledge, List<RuleProblem> problems) {
        String source;
        try {
            source = Files.readString(file);
        } catch (IOException e) {
            problems.add(new RuleProblem(displayName(rulesDirectory, file), 0, e.getMessage()));
            return;
        }
        String name = displayName(rulesDirectory, file);
        Matcher tips = TIP_REFERENCE.matcher(source);
        while (tips.find()) {
            if (!knowledge.hasTip(tips.group(1))) {
                problems.add(new RuleProblem(name, lineOf(source, tips.start()),
                        "tip '" + tips.group(1) + "' is not in knowledge-base/tips"));
            }
        }
        Matcher texts = TEXT_REFERENCE.matcher(source);
        while (texts.find()) {
            if (!knowledge.hasText(texts.group(1))) {
                problems.add(new RuleProblem(name, lineOf(source, texts.start()),
                        "text '" + texts.group(1) + "' is not in knowledge-base/texts.yaml"));
            }
        }
    }

    private static Map<String, RuleRef> ruleRefs(KieBase kieBase, List<RuleProblem> problems) {
        Map<String, RuleRef> rules = new HashMap<>();
        Map<String, RuleRef> byId = new HashMap<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                String file = sourcePath(rule);
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

    /** From the rules as the builder parsed them, so that the files are not parsed a second time. */
    private static Map<String, RuleOutline> outlines(KnowledgeBuilder builder, InternalKnowledgeBase kieBase,
                                                     Map<String, RuleRef> rules) {
        Map<String, String> consequenceByFileAndRule = new HashMap<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            List<PackageDescr> parsed = ((KnowledgeBuilderImpl) builder).getPackageDescrs(kiePackage.getName());
            for (PackageDescr packageDescr : parsed == null ? List.<PackageDescr>of() : parsed) {
                for (RuleDescr rule : packageDescr.getRules()) {
                    String file = rule.getResource() == null ? "" : rule.getResource().getSourcePath();
                    consequenceByFileAndRule.put(file + "\n" + rule.getName(), String.valueOf(rule.getConsequence()));
                }
            }
        }
        Map<String, RuleOutline> outlines = new HashMap<>();
        for (RuleRef rule : rules.values()) {
            String consequence = consequenceByFileAndRule.get(rule.file() + "\n" + rule.rule());
            outlines.put(rule.ruleId(), RuleOutlines.outline(rule, consequence));
        }
        return outlines;
    }

    private static String sourcePath(Rule rule) {
        if (rule instanceof org.drools.base.definitions.rule.impl.RuleImpl impl && impl.getResource() != null) {
            return impl.getResource().getSourcePath();
        }
        return "";
    }

    private static String displayName(Path rulesDirectory, Path file) {
        return rulesDirectory.getFileName() + "/" + rulesDirectory.relativize(file).toString().replace('\\', '/');
    }

    private static int lineOf(String source, int offset) {
        return (int) source.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }
}
