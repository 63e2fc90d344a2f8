package io.flowdoctor.knowledge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads one file of knowledge-base/tips/ and checks every tip in it, naming the file, the line, the tip, the field and
 * the language of each problem: required fields, allowed values, the actors, the check that goes with check-first, the
 * Microsoft Learn links and their dates, the glossary references, and no field it does not know.
 */
final class TipReader {

    private static final Set<String> TIP_FIELDS = Set.of("source", "appliesTo", "resubmit", "resubmitCheck", "docs", "title",
            "whatHappened", "steps", "verify", "wait");
    private static final Set<String> APPLIES_TO_FIELDS = Set.of("products", "connectors", "designer");
    private static final Set<String> DOC_FIELDS = Set.of("url", "verified");
    private static final Set<String> STEP_FIELDS = Set.of("actor", "access", "products", "risk");

    private final Path directory;
    private final Path file;
    private final Glossary glossary;
    private final List<String> problems;
    private final List<String> lines;

    private String id;
    private int tipLine;
    private int tipEnd;

    private TipReader(Path directory, Path file, Glossary glossary, List<String> problems) {
        this.directory = directory;
        this.file = file;
        this.glossary = glossary;
        this.problems = problems;
        List<String> read;
        try {
            read = Files.readAllLines(file);
        } catch (IOException unreadable) {
            read = List.of();
        }
        this.lines = read;
    }

    /** The tips of the file by id, those with problems left out (the problems are added to the list). */
    static Map<String, Tip> read(Path directory, Path file, JsonNode root, Glossary glossary, List<String> problems) {
        return new TipReader(directory, file, glossary, problems).tips(root);
    }

    private Map<String, Tip> tips(JsonNode root) {
        Map<String, Tip> tips = new LinkedHashMap<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return tips;
        }
        if (!root.isObject()) {
            problems.add(DisplayPath.of(directory, file) + ": a tip file maps tip ids to tips");
            return tips;
        }
        root.fields().forEachRemaining(entry -> {
            int before = problems.size();
            id = entry.getKey();
            tipLine = topLevelLine(id);
            tipEnd = nextTopLevelLine(tipLine);
            Tip tip = tip(entry.getValue());
            if (problems.size() == before && tip != null) {
                tips.put(id, tip);
            }
        });
        return tips;
    }

    private Tip tip(JsonNode node) {
        if (node == null || !node.isObject()) {
            problem(tipLine, "", "is not a map of fields");
            return null;
        }
        unknownFields(node, TIP_FIELDS, tipLine, tipEnd, "");
        String source = text(node, "source", tipLine, tipEnd, "");
        if (source != null && !source.startsWith("https://")
                && !(source.startsWith("knowledge-base/sources/") && Files.isRegularFile(
                        directory.resolve(source.substring("knowledge-base/".length())).normalize()))) {
            problem(line("source", tipLine, tipEnd), "",
                    "field 'source': '" + source + "' is neither a file under knowledge-base/sources/ nor an https URL");
        }
        Tip.AppliesTo appliesTo = appliesTo(node.get("appliesTo"));
        ResubmitSafety resubmit = coded(node, "resubmit", ResubmitSafety.class, tipLine, tipEnd, "", true);
        Map<Language, String> resubmitCheck = null;
        if (node.has("resubmitCheck")) {
            if (resubmit != ResubmitSafety.CHECK_FIRST) {
                problem(line("resubmitCheck", tipLine, tipEnd), "",
                        "field 'resubmitCheck' belongs only to a tip whose resubmit is check-first");
            }
            resubmitCheck = texts(node, "resubmitCheck", tipLine, tipEnd, "");
        } else if (resubmit == ResubmitSafety.CHECK_FIRST) {
            problem(line("resubmit", tipLine, tipEnd), "",
                    "misses field 'resubmitCheck': a check-first tip says what to check before resubmitting");
        }
        List<Tip.DocLink> docs = docs(node.get("docs"));
        Map<Language, String> title = texts(node, "title", tipLine, tipEnd, "");
        Map<Language, String> whatHappened = texts(node, "whatHappened", tipLine, tipEnd, "");
        List<Tip.Step> steps = steps(node.get("steps"));
        Map<Language, String> verify = texts(node, "verify", tipLine, tipEnd, "");
        Map<Language, String> wait = node.has("wait") ? texts(node, "wait", tipLine, tipEnd, "") : null;
        if (source == null || appliesTo == null || resubmit == null || docs == null || title == null || whatHappened == null
                || steps == null || verify == null) {
            return null;
        }
        return new Tip(id, source, appliesTo, resubmit, resubmitCheck, docs, title, whatHappened, steps, verify, wait);
    }

    private Tip.AppliesTo appliesTo(JsonNode node) {
        if (node == null || node.isNull()) {
            problem(tipLine, "", "misses field 'appliesTo'");
            return null;
        }
        int from = line("appliesTo", tipLine, tipEnd);
        if (!node.isObject()) {
            problem(from, "", "field 'appliesTo' is not a map (products, connectors, designer)");
            return null;
        }
        int to = blockEnd(from);
        unknownFields(node, APPLIES_TO_FIELDS, from, to, "appliesTo.");
        List<Product> products = codes(node, "products", Product.class, from, to, "appliesTo.", true);
        List<ConnectorKind> connectors = codes(node, "connectors", ConnectorKind.class, from, to, "appliesTo.", false);
        List<Designer> designer = codes(node, "designer", Designer.class, from, to, "appliesTo.", false);
        return products == null ? null : new Tip.AppliesTo(products, connectors, designer);
    }

    private List<Tip.DocLink> docs(JsonNode node) {
        if (node == null || node.isNull() || (node.isArray() && node.isEmpty())) {
            problem(tipLine, "", "misses field 'docs': at least one Microsoft Learn link with the day it was verified");
            return null;
        }
        int from = line("docs", tipLine, tipEnd);
        if (!node.isArray()) {
            problem(from, "", "field 'docs' is not a list");
            return null;
        }
        List<Integer> itemLines = itemLines(from, blockEnd(from));
        List<Tip.DocLink> docs = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode doc = node.get(i);
            int at = i < itemLines.size() ? itemLines.get(i) : from;
            int end = i + 1 < itemLines.size() ? itemLines.get(i + 1) : blockEnd(from);
            String field = "docs[" + (i + 1) + "].";
            if (!doc.isObject()) {
                problem(at, field, "is not a map (url, verified)");
                continue;
            }
            unknownFields(doc, DOC_FIELDS, at, end, field);
            String url = text(doc, "url", at, end, field);
            if (url != null && !url.startsWith("https://")) {
                problem(line("url", at, end), field, "field 'url': '" + url + "' is not an https URL");
            }
            String verified = text(doc, "verified", at, end, field);
            LocalDate date = null;
            if (verified != null) {
                try {
                    date = LocalDate.parse(verified);
                } catch (DateTimeParseException e) {
                    problem(line("verified", at, end), field,
                            "field 'verified': '" + verified + "' is not an ISO date (yyyy-mm-dd)");
                }
            }
            docs.add(new Tip.DocLink(url, date));
        }
        return docs;
    }

    private List<Tip.Step> steps(JsonNode node) {
        if (node == null || node.isNull() || (node.isArray() && node.isEmpty())) {
            problem(tipLine, "", "misses field 'steps': at least one step");
            return null;
        }
        int from = line("steps", tipLine, tipEnd);
        if (!node.isArray()) {
            problem(from, "", "field 'steps' is not a list");
            return null;
        }
        List<Integer> itemLines = itemLines(from, blockEnd(from));
        List<Tip.Step> steps = new ArrayList<>();
        Set<String> allowed = new TreeSet<>(STEP_FIELDS);
        Arrays.stream(Language.values()).forEach(language -> allowed.add(language.code()));
        for (int i = 0; i < node.size(); i++) {
            JsonNode step = node.get(i);
            int at = i < itemLines.size() ? itemLines.get(i) : from;
            int end = i + 1 < itemLines.size() ? itemLines.get(i + 1) : blockEnd(from);
            String field = "steps[" + (i + 1) + "]";
            if (!step.isObject()) {
                problem(at, field + " ", "is not a map (actor, access, products, risk, " + languages() + ")");
                continue;
            }
            unknownFields(step, allowed, at, end, field + ".");
            Actor actor = coded(step, "actor", Actor.class, at, end, field + ".", true);
            Map<Language, String> access = step.has("access") ? texts(step, "access", at, end, field + ".") : null;
            List<Product> products = codes(step, "products", Product.class, at, end, field + ".", false);
            Map<Language, String> risk = step.has("risk") ? texts(step, "risk", at, end, field + ".") : null;
            Map<Language, String> text = new EnumMap<>(Language.class);
            for (Language language : Language.values()) {
                JsonNode value = step.get(language.code());
                if (value == null || !value.isTextual() || value.asText().isBlank()) {
                    problem(at, field + " ", "misses its text (" + language.code() + ")");
                } else {
                    text.put(language, value.asText());
                    references(value.asText(), line(language.code(), at, end), field, language);
                }
            }
            steps.add(actor == null ? null : new Tip.Step(actor, access, products, risk, text));
        }
        return steps.contains(null) ? null : steps;
    }

    /** A text per language: a map with every language, none blank, each reference known to the glossary. */
    private Map<Language, String> texts(JsonNode node, String name, int from, int to, String prefix) {
        JsonNode value = node.get(name);
        int at = line(name, from, to);
        if (value == null || value.isNull()) {
            problem(from, "", "misses field '" + prefix + name + "'");
            return null;
        }
        if (!value.isObject()) {
            problem(at, "", "field '" + prefix + name + "' is not a text per language (" + languages() + ")");
            return null;
        }
        int end = blockEnd(at);
        Set<String> codes = new TreeSet<>();
        Arrays.stream(Language.values()).forEach(language -> codes.add(language.code()));
        unknownFields(value, codes, at, end, prefix + name + ".");
        Map<Language, String> texts = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            JsonNode text = value.get(language.code());
            if (text == null || !text.isTextual() || text.asText().isBlank()) {
                problem(at, "", "misses field '" + prefix + name + "' (" + language.code() + ")");
            } else {
                texts.put(language, text.asText());
                references(text.asText(), line(language.code(), at, end), prefix + name, language);
            }
        }
        return texts.size() == Language.values().length ? texts : null;
    }

    private void references(String text, int at, String field, Language language) {
        for (String key : Glossary.references(text)) {
            if (!glossary.has(key)) {
                problem(at, "", "field '" + field + "' (" + language.code() + "): [ui:" + key
                        + "] is not in knowledge-base/glossary" + Suggestions.didYouMean(key, glossary.terms().keySet()));
            }
        }
    }

    private String text(JsonNode node, String name, int from, int to, String prefix) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            problem(from, "", "misses field '" + prefix + name + "'");
            return null;
        }
        if (!value.isValueNode()) {
            problem(line(name, from, to), "", "field '" + prefix + name + "' is not a single value");
            return null;
        }
        return value.asText();
    }

    private <E extends Enum<E> & Coded> E coded(JsonNode node, String name, Class<E> type, int from, int to, String prefix,
            boolean required) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                problem(from, "", "misses field '" + prefix + name + "'; allowed: " + Coded.allowed(type));
            }
            return null;
        }
        Optional<E> coded = value.isTextual() ? Coded.of(type, value.asText()) : Optional.empty();
        if (coded.isEmpty()) {
            problem(line(name, from, to), "", "field '" + prefix + name + "': '" + value.asText() + "' is not allowed"
                    + Suggestions.didYouMean(value.asText(), codes(type)) + "; allowed: " + Coded.allowed(type));
        }
        return coded.orElse(null);
    }

    private <E extends Enum<E> & Coded> List<E> codes(JsonNode node, String name, Class<E> type, int from, int to,
            String prefix, boolean required) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull() || (value.isArray() && value.isEmpty())) {
            if (required) {
                problem(from, "", "misses field '" + prefix + name + "': at least one of " + Coded.allowed(type));
                return null;
            }
            return List.of();
        }
        int at = line(name, from, to);
        if (!value.isArray()) {
            problem(at, "", "field '" + prefix + name + "' is not a list of " + Coded.allowed(type));
            return null;
        }
        List<E> values = new ArrayList<>();
        for (JsonNode item : value) {
            Optional<E> coded = item.isTextual() ? Coded.of(type, item.asText()) : Optional.empty();
            if (coded.isEmpty()) {
                problem(at, "", "field '" + prefix + name + "': '" + item.asText() + "' is not allowed"
                        + Suggestions.didYouMean(item.asText(), codes(type)) + "; allowed: " + Coded.allowed(type));
            } else {
                values.add(coded.get());
            }
        }
        return values.size() == value.size() ? values : null;
    }

    private static <E extends Enum<E> & Coded> List<String> codes(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Coded::code).toList();
    }

    private void unknownFields(JsonNode node, Set<String> allowed, int from, int to, String prefix) {
        node.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                problem(line(name, from, to), "", "unknown field '" + prefix + name + "'"
                        + Suggestions.didYouMean(name, allowed) + " (allowed: " + String.join(", ", new TreeSet<>(allowed))
                        + ")");
            }
        });
    }

    private void problem(int line, String field, String message) {
        problems.add(DisplayPath.of(directory, file) + (line > 0 ? ":" + line : "") + ": tip '" + id + "' " + field + message);
    }

    private static String languages() {
        return String.join(", ", Arrays.stream(Language.values()).map(Language::code).toList());
    }

    // Lines, 1-based, so that every problem points where the analyst must look.

    private int topLevelLine(String key) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith(key + ":") || line.startsWith("'" + key + "':") || line.startsWith("\"" + key + "\":")) {
                return i + 1;
            }
        }
        return 0;
    }

    private int nextTopLevelLine(int from) {
        if (from <= 0) {
            return lines.size() + 1;
        }
        for (int i = from; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && !line.startsWith("#")) {
                return i + 1;
            }
        }
        return lines.size() + 1;
    }

    /** The first line in [from, to) that holds the key, or from when none does. */
    private int line(String key, int from, int to) {
        if (from <= 0) {
            return 0;
        }
        for (int i = from - 1; i < Math.min(to - 1, lines.size()); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("- ")) {
                line = line.substring(2).strip();
            }
            if (line.startsWith(key + ":")) {
                return i + 1;
            }
        }
        return from;
    }

    /** The line after the last of the block that the line at from opens (lines indented deeper than it). */
    private int blockEnd(int from) {
        if (from <= 0 || from > lines.size()) {
            return tipEnd;
        }
        int indent = indent(lines.get(from - 1));
        for (int i = from; i < Math.min(tipEnd - 1, lines.size()); i++) {
            String line = lines.get(i);
            if (!line.isBlank() && !line.strip().startsWith("#") && indent(line) <= indent
                    && !(line.strip().startsWith("- ") && indent(line) == indent)) {
                return i + 1;
            }
        }
        return tipEnd;
    }

    /** The lines of the list items ("- ") directly in the block that the line at from opens. */
    private List<Integer> itemLines(int from, int to) {
        List<Integer> items = new ArrayList<>();
        int itemIndent = -1;
        for (int i = from; i < Math.min(to - 1, lines.size()); i++) {
            String line = lines.get(i);
            if (line.strip().startsWith("- ")) {
                if (itemIndent < 0) {
                    itemIndent = indent(line);
                }
                if (indent(line) == itemIndent) {
                    items.add(i + 1);
                }
            }
        }
        return items;
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
