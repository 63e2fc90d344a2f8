package io.flowdoctor.rulebase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

import io.flowdoctor.rulebase.DroolsInternals.ParsedRule;

/**
 * Pins what the rule base relies on beyond Drools' public API. When an upgrade changes one of these,
 * this test names which, and {@link DroolsInternals} is the one place to adapt.
 */
class DroolsInternalsTest {

    private static final String RULES = """
            package pinned;

            rule "First rule concludes a number"
            when
                String(this == "go")
            then
                insertLogical(Integer.valueOf(42));
            end

            rule "Second rule concludes the same number"
            when
                String(this == "go")
            then
                insertLogical(Integer.valueOf(42));
            end

            rule "Third rule states a number plainly"
            when
                String(this == "go")
            then
                insert(Long.valueOf(7));
            end
            """;

    @Test
    void aFactTwoRulesInsertedLogicallyIsJustifiedByBoth() {
        KnowledgeBuilder builder = build();
        KieSession session = session(builder);
        try {
            session.insert("go");
            session.fireAllRules();
            FactHandle shared = session.getFactHandles(Integer.class::isInstance).iterator().next();

            Set<String> justifiers = DroolsInternals.justifiers(shared).stream().map(Rule::getName).collect(Collectors.toSet());

            assertEquals(Set.of("First rule concludes a number", "Second rule concludes the same number"), justifiers);
            assertEquals(1, session.getFactHandles(Integer.class::isInstance).size(), "equal logical facts are one fact");
        } finally {
            session.dispose();
        }
    }

    @Test
    void aFactInsertedPlainlyHasNoJustifiers() {
        KieSession session = session(build());
        try {
            session.insert("go");
            session.fireAllRules();
            FactHandle plain = session.getFactHandles(Long.class::isInstance).iterator().next();

            assertTrue(DroolsInternals.justifiers(plain).isEmpty());
        } finally {
            session.dispose();
        }
    }

    @Test
    void theParseKeepsEachRulesFileConsequenceAndLine() {
        List<ParsedRule> parsed = DroolsInternals.parsedRules(build());

        ParsedRule third = parsed.stream().filter(rule -> rule.name().equals("Third rule states a number plainly"))
                .findFirst().orElseThrow();
        assertEquals(3, parsed.size());
        assertEquals("rules/pinned.drl", third.file());
        assertEquals("insert(Long.valueOf(7));", third.consequence().strip(), "the consequence starts at its first statement");
        assertTrue(third.consequence().startsWith("insert"), "no line break before the first statement");
        assertEquals(20, third.consequenceLine(), "the line of 'then' in the file");
        assertEquals(17, third.line(), "the line of 'rule'");
        assertEquals("String(this == \"go\", )", third.conditions());
        assertEquals("", third.ruleflowGroup());
    }

    @Test
    void aCompiledRuleKnowsTheSourcePathItsFileWasAddedWith() {
        KieBase kieBase = build().newKieBase();

        Rule rule = kieBase.getRule("pinned", "First rule concludes a number");

        assertEquals("rules/pinned.drl", DroolsInternals.sourcePath(rule));
        assertFalse(DroolsInternals.sourcePath(rule).isEmpty());
    }

    private static KnowledgeBuilder build() {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, DroolsInternalsTest.class.getClassLoader()));
        Resource resource = ResourceFactory.newByteArrayResource(RULES.getBytes(StandardCharsets.UTF_8));
        resource.setSourcePath("rules/pinned.drl");
        builder.add(resource, ResourceType.DRL);
        assertTrue(builder.getErrors().isEmpty(), builder.getErrors().toString());
        return builder;
    }

    private static KieSession session(KnowledgeBuilder builder) {
        return builder.newKieBase().newKieSession();
    }
}
