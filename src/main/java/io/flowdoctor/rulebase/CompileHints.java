package io.flowdoctor.rulebase;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.flowdoctor.knowledge.Suggestions;

/**
 * Turns the builder's messages about names it cannot resolve into ones an analyst can act on: the offending field,
 * value or fact type, the nearest allowed name ("did you mean `text`?") and what is allowed, at the line that holds
 * it. Everything else keeps the builder's own words.
 */
final class CompileHints {

    /** MVEL on a constraint: "unable to resolve method using strict-mode: io.flowdoctor.diagnosis.FailedAction.txt()". */
    private static final Pattern UNRESOLVED_MEMBER = Pattern
            .compile("unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\)");
    private static final Pattern EXPRESSION = Pattern.compile("Unable to Analyse Expression (.+?):?\\s*$", Pattern.MULTILINE);
    /** The Java compiler on a consequence: "DATAA cannot be resolved or is not a field". */
    private static final Pattern NOT_A_FIELD = Pattern.compile("(\\w+) cannot be resolved or is not a field");
    private static final Pattern UNKNOWN_TYPE = Pattern.compile("Unable to resolve ObjectType '(\\w+)'");
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+([\\w.]+?)(\\.\\*)?\\s*;", Pattern.MULTILINE);

    /** A problem's line (0: unknown) and its message. */
    record Hint(int line, String message) {
    }

    private final ClassLoader classLoader;
    private final Set<String> factTypes;

    /** @param factTypes the type names the rule base's patterns match, to suggest from for a misspelt one */
    CompileHints(ClassLoader classLoader, Set<String> factTypes) {
        this.classLoader = classLoader;
        this.factTypes = factTypes;
    }

    /**
     * @param drl the text the builder compiled (a table's generated DRL), to find the offending name's line in
     * @param line the builder's line, 0 when it gives none
     */
    Hint explain(String message, String drl, int line) {
        String text = message.strip();
        Matcher member = UNRESOLVED_MEMBER.matcher(text);
        if (member.find()) {
            Optional<Class<?>> type = load(member.group(1));
            if (type.isPresent()) {
                return memberHint(type.get(), member.group(2), expression(text), drl, line);
            }
        }
        Matcher notAField = NOT_A_FIELD.matcher(text);
        if (notAField.find() && drl != null) {
            Matcher qualified = Pattern.compile("\\b(\\w+)\\." + Pattern.quote(notAField.group(1)) + "\\b").matcher(drl);
            if (qualified.find(offsetOfLine(drl, line))) {
                Optional<Class<?>> type = resolve(qualified.group(1), drl).filter(Class::isEnum);
                if (type.isPresent()) {
                    return new Hint(RuleConventions.lineAt(drl, qualified.start()), valueHint(type.get(), notAField.group(1)));
                }
            }
        }
        Matcher unknownType = UNKNOWN_TYPE.matcher(text);
        if (unknownType.find()) {
            String name = unknownType.group(1);
            Set<String> known = drl == null ? factTypes : resolvable(factTypes, drl);
            return new Hint(line, "there is no fact type `" + name + "`" + Suggestions.didYouMean(name, known)
                    + " (fact types the rules use: " + String.join(", ", known) + ")");
        }
        return new Hint(line, text);
    }

    private Hint memberHint(Class<?> type, String member, String expression, String drl, int line) {
        if (type.isEnum()) {
            String literal = type.getSimpleName() + "." + member;
            return new Hint(line > 0 ? line : lineOf(drl, literal), valueHint(type, member));
        }
        List<String> fields = fields(type);
        int at = line > 0 || expression == null ? line : lineOf(drl, expression);
        return new Hint(at, type.getSimpleName() + " has no field `" + member + "`" + Suggestions.didYouMean(member, fields)
                + " (fields of " + type.getSimpleName() + ": " + String.join(", ", fields) + ")"
                + (expression == null ? "" : " in: " + expression));
    }

    private static String valueHint(Class<?> enumType, String value) {
        List<String> allowed = Arrays.stream(enumType.getEnumConstants()).map(constant -> ((Enum<?>) constant).name()).toList();
        return "`" + enumType.getSimpleName() + "." + value + "` is not allowed" + Suggestions.didYouMean(value, allowed)
                + " (allowed values of " + enumType.getSimpleName() + ": " + String.join(", ", allowed) + ")";
    }

    /** A fact's fields as rules name them: a record's components, else its public fields. */
    private static List<String> fields(Class<?> type) {
        if (type.isRecord()) {
            return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
        }
        return Arrays.stream(type.getFields()).filter(field -> !Modifier.isStatic(field.getModifiers()))
                .map(Field::getName).toList();
    }

    /** A simple type name as the file's imports resolve it. */
    private Optional<Class<?>> resolve(String simpleName, String drl) {
        Matcher imported = IMPORT.matcher(drl);
        while (imported.find()) {
            String name = imported.group(2) != null ? imported.group(1) + "." + simpleName
                    : imported.group(1).endsWith("." + simpleName) ? imported.group(1) : null;
            Optional<Class<?>> type = name == null ? Optional.empty() : load(name);
            if (type.isPresent()) {
                return type;
            }
        }
        return Optional.empty();
    }

    private Optional<Class<?>> load(String name) {
        try {
            return Optional.of(Class.forName(name, false, classLoader));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** The names that are types as the file's imports resolve them: the candidates for a misspelt fact type. */
    private Set<String> resolvable(Collection<String> names, String drl) {
        return names.stream().filter(name -> resolve(name, drl).isPresent())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String expression(String message) {
        Matcher expression = EXPRESSION.matcher(message);
        return expression.find() ? expression.group(1).strip() : null;
    }

    private static int lineOf(String drl, String text) {
        int at = drl == null || text == null ? -1 : drl.indexOf(text);
        return at < 0 ? 0 : RuleConventions.lineAt(drl, at);
    }

    private static int offsetOfLine(String drl, int line) {
        int offset = 0;
        for (int current = 1; current < line && offset >= 0; current++) {
            offset = drl.indexOf('\n', offset) + 1;
            if (offset == 0) {
                return 0;
            }
        }
        return Math.max(0, offset);
    }
}
