package io.flowdoctor.rulebase;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.ImportDeclaration;
import org.drools.compiler.builder.impl.KnowledgeBuilderImpl;
import org.drools.core.common.InternalFactHandle;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.tms.SimpleMode;
import org.drools.tms.TruthMaintenanceSystemEqualityKey;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.internal.builder.KnowledgeBuilder;

/**
 * Every call into Drools beyond its public API, in one place: which rules justify a logically inserted
 * fact, the rules as the builder parsed them, the file a compiled rule came from, and the compiled packages
 * written to bytes and read back (with the classes they import). An upgrade that
 * changes these internals breaks here, and {@code DroolsInternalsTest} says how.
 */
final class DroolsInternals {

    /**
     * A rule as the builder parsed it: its file, its name and line, the text of its consequence (from its first
     * statement on) and the line of its {@code then}, its conditions as "Type(constraint, ...)" text, and
     * its ruleflow group ("" when it declares none).
     */
    record ParsedRule(String file, String name, int line, String consequence, int consequenceLine, String conditions,
            String ruleflowGroup) {
    }

    private DroolsInternals() {
    }

    /** The rules whose logical insertions hold this fact; empty for a fact inserted plainly. */
    static Set<Rule> justifiers(FactHandle handle) {
        Set<Rule> rules = new LinkedHashSet<>();
        InternalFactHandle fact = (InternalFactHandle) handle;
        if (fact.getEqualityKey() instanceof TruthMaintenanceSystemEqualityKey key && key.getBeliefSet() != null) {
            for (Object mode = key.getBeliefSet().getFirst(); mode instanceof SimpleMode simple; mode = simple.getNext()) {
                rules.add(simple.getObject().getJustifier().getRule());
            }
        }
        return rules;
    }

    /** The rules of every package the builder parsed, so that nothing needs to parse the files again. */
    static List<ParsedRule> parsedRules(KnowledgeBuilder builder) {
        KnowledgeBuilderImpl impl = (KnowledgeBuilderImpl) builder;
        List<ParsedRule> parsed = new ArrayList<>();
        for (String packageName : impl.getPackageNames()) {
            List<PackageDescr> descriptions = impl.getPackageDescrs(packageName);
            for (PackageDescr description : descriptions == null ? List.<PackageDescr> of() : descriptions) {
                for (RuleDescr rule : description.getRules()) {
                    String file = rule.getResource() == null ? "" : rule.getResource().getSourcePath();
                    AttributeDescr group = rule.getAttributes().get("ruleflow-group");
                    parsed.add(new ParsedRule(file, rule.getName(), rule.getLine(), String.valueOf(rule.getConsequence()),
                            rule.getConsequenceLine(), conditions(rule.getLhs()), group == null ? "" : group.getValue()));
                }
            }
        }
        return parsed;
    }

    /** The patterns of a rule's conditions, nested elements included, as "Type(constraint, ...)" text. */
    private static String conditions(BaseDescr element) {
        if (element instanceof PatternDescr pattern) {
            StringBuilder text = new StringBuilder(pattern.getObjectType()).append('(');
            if (pattern.getConstraint() != null) {
                for (BaseDescr constraint : pattern.getConstraint().getDescrs()) {
                    text.append(constraint instanceof ExprConstraintDescr expression ? expression.getExpression()
                            : constraint.getText())
                            .append(", ");
                }
            }
            return text.append(')').toString();
        }
        if (element instanceof ConditionalElementDescr nested) {
            StringBuilder text = new StringBuilder();
            nested.getDescrs().forEach(child -> text.append(conditions(child)).append(' '));
            return text.toString().strip();
        }
        return element == null ? "" : String.valueOf(element.getText());
    }

    /** The source path the rule's file was added with, or "" when the rule has none. */
    static String sourcePath(Rule rule) {
        return rule instanceof RuleImpl impl && impl.getResource() != null ? impl.getResource().getSourcePath() : "";
    }

    /**
     * The compiled packages as bytes, with Drools' own serialisation: the rules' networks and the classes
     * compiled for their conditions and consequences.
     */
    static byte[] write(Collection<KiePackage> packages) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        try (ObjectOutputStream out = new DroolsObjectOutputStream(bytes)) {
            out.writeObject(new ArrayList<>(packages));
        }
        return bytes.toByteArray();
    }

    /** The packages {@link #write} wrote, their classes defined again in a class loader below the given one. */
    @SuppressWarnings("unchecked")
    static List<KiePackage> read(byte[] bytes, ClassLoader classLoader) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new DroolsObjectInputStream(new ByteArrayInputStream(bytes), classLoader)) {
            return (List<KiePackage>) in.readObject();
        }
    }

    /**
     * The classes the packages import by name (no wildcards): the fact types and helpers whose shape the
     * compiled conditions and consequences depend on.
     */
    static Set<String> importedClasses(Collection<KiePackage> packages) {
        Set<String> names = new TreeSet<>();
        for (KiePackage kiePackage : packages) {
            if (kiePackage instanceof InternalKnowledgePackage internal) {
                for (ImportDeclaration declaration : internal.getImports().values()) {
                    String target = declaration.getTarget();
                    if (target != null && !target.endsWith("*")) {
                        names.add(target);
                    }
                }
            }
        }
        return names;
    }
}
