package io.flowdoctor.knowledge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** Reads knowledge-base/ (tips from every *.yaml under tips/) and checks that every text exists in every language. */
public final class KnowledgeBaseLoader {

    static final ObjectMapper YAML = YAMLMapper.builder()
            // A key written twice would otherwise silently keep its last text.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Texts the answer and the e-mail use by id, whatever the rules name. */
    private static final List<String> REQUIRED_TEXTS = List.of("answer.step-failed", "escalation.none", "email.subject",
            "email.intro",
            "email.when", "email.whenValue", "email.whatHappened", "email.howToFix", "email.troubleshootingTips",
            "email.failureCount", "email.resubmit", "email.fixMyFlow", "email.unsubscribe", "email.escalated.self-help",
            "email.escalated.community", "email.escalated.resource-owner", "email.escalated.admin", "email.escalated.support",
            "email.greeting", "email.greeting.generic", "email.failureCount.one", "email.failedStep", "email.who",
            "email.verify",
            "email.resubmitCheck", "email.actor.maker", "email.actor.flow-owner", "email.actor.resource-owner",
            "email.actor.environment-admin", "email.actor.tenant-admin", "email.actor.support");

    /** Jackson's message for a required field the file leaves out. */
    private static final Pattern MISSING_PROPERTY = Pattern.compile("Missing required creator property '([^']+)'");

    private final Path directory;
    private final List<String> problems = new ArrayList<>();

    private KnowledgeBaseLoader(Path directory) {
        this.directory = directory;
    }

    public static KnowledgeBase load(Path directory) {
        return new KnowledgeBaseLoader(directory).load();
    }

    private KnowledgeBase load() {
        if (!Files.isDirectory(directory)) {
            throw new KnowledgeBaseException(List.of(directory.toAbsolutePath() + ": knowledge base directory not found"));
        }
        var glossary = readGlossary();
        var tips = readTips(glossary);
        Map<String, Map<Language, String>> loadedTexts = readTexts(directory.resolve("texts.yaml"));
        boolean textsRead = loadedTexts != null;
        Map<String, Map<Language, String>> texts = textsRead ? loadedTexts : Map.of();
        var support = read(directory.resolve("support.yaml"), new TypeReference<SupportSettings>() {
        });
        var retryPolicy = read(directory.resolve("retry-policy.yaml"), new TypeReference<RetryPolicy>() {
        });
        var failingStep = read(directory.resolve("failing-step.yaml"), new TypeReference<FailingStepHints>() {
        });
        var connectors = read(directory.resolve("connectors.yaml"), new TypeReference<List<Connector>>() {
        });
        if (support != null) {
            checkSupport(support);
        }
        for (String required : REQUIRED_TEXTS) {
            // An unreadable file has its own problem; each of its texts reported missing would bury it.
            if (!texts.containsKey(required) && textsRead) {
                problems.add(relative(directory.resolve("texts.yaml")) + ": text '" + required + "' is missing");
            }
        }
        checkPlaceholders(texts);
        var evidence = readEvidence();
        var lexicon = readLexicon();
        var sideEffects = read(directory.resolve("side-effects.yaml"), new TypeReference<SideEffects>() {
        });
        var precedence = read(directory.resolve("precedence.yaml"), new TypeReference<Precedence>() {
        });
        var emailTemplates = new KnowledgeBase.EmailTemplates(readText(directory.resolve("email/repair-tips.html")),
                readText(directory.resolve("email/repair-tips.txt")));
        if (!problems.isEmpty()) {
            throw new KnowledgeBaseException(problems);
        }
        return new KnowledgeBase(tips, texts, support, retryPolicy, failingStep, connectorsByName(connectors), emailTemplates,
                evidence, lexicon, sideEffects == null ? SideEffects.none() : sideEffects, precedence, glossary);
    }

    /** knowledge-base/tips/<group>/<family>.yaml: tip id -> tip, each checked where it is read (see TipReader). */
    private Map<String, Tip> readTips(Glossary glossary) {
        Map<String, Tip> tips = new HashMap<>();
        Path tipsDirectory = directory.resolve("tips");
        if (!Files.isDirectory(tipsDirectory)) {
            problems.add(relative(tipsDirectory) + ": directory not found");
        }
        for (Path file : yamlFiles(tipsDirectory)) {
            JsonNode root = readTree(file);
            if (root == null) {
                continue;
            }
            TipReader.read(directory, file, root, glossary, problems).forEach((id, tip) -> {
                if (tips.put(id, tip) != null) {
                    problems.add(at(file, id + ":") + ": tip '" + id + "' is defined twice");
                }
            });
        }
        return tips;
    }

    /**
     * knowledge-base/glossary/*.yaml: key -> the term in every language (products and source optional). A key is defined
     * once over all the files.
     */
    private Glossary readGlossary() {
        Map<String, Map<Language, String>> terms = new LinkedHashMap<>();
        Map<String, Path> definedIn = new HashMap<>();
        Set<String> allowed = new java.util.TreeSet<>(Set.of("products", "source"));
        Arrays.stream(Language.values()).forEach(language -> allowed.add(language.code()));
        for (Path file : yamlFiles(directory.resolve("glossary"))) {
            JsonNode root = readTree(file);
            if (root == null || !root.isObject()) {
                continue;
            }
            root.fields().forEachRemaining(entry -> {
                String key = entry.getKey();
                // Where the entry is in its file is looked up only when it is reported: looking costs a read of the file.
                Supplier<String> where = () -> at(file, key + ":") + ": glossary entry '" + key + "'";
                JsonNode node = entry.getValue();
                if (!key.matches("[a-z0-9-]+")) {
                    problems.add(where.get() + ": a key is written in lower case, digits and '-'");
                }
                if (definedIn.containsKey(key)) {
                    problems.add(where.get() + " is defined already in " + relative(definedIn.get(key)));
                    return;
                }
                definedIn.put(key, file);
                if (node == null || !node.isObject()) {
                    problems.add(where.get() + " is not a map of terms per language");
                    return;
                }
                node.fieldNames().forEachRemaining(name -> {
                    if (!allowed.contains(name)) {
                        problems.add(where.get() + ": unknown field '" + name + "'" + Suggestions.didYouMean(name, allowed)
                                + " (allowed: " + String.join(", ", allowed) + ")");
                    }
                });
                Map<Language, String> term = new java.util.EnumMap<>(Language.class);
                for (Language language : Language.values()) {
                    JsonNode text = node.get(language.code());
                    if (text == null || !text.isTextual() || text.asText().isBlank()) {
                        problems.add(where.get() + " misses field '" + language.code() + "'");
                    } else {
                        term.put(language, text.asText());
                    }
                }
                JsonNode products = node.get("products");
                if (products != null) {
                    for (JsonNode product : products.isArray() ? products : List.of(products)) {
                        if (Coded.of(Product.class, product.asText()).isEmpty()) {
                            problems.add(where.get() + ": product '" + product.asText() + "' is not allowed; allowed: "
                                    + Coded.allowed(Product.class));
                        }
                    }
                }
                terms.put(key, term);
            });
        }
        return new Glossary(terms);
    }

    /** knowledge-base/evidence/<group>/<family>.yaml: rule id -> language -> what the rule saw. */
    private Map<String, Map<Language, String>> readEvidence() {
        Map<String, Map<Language, String>> evidence = new HashMap<>();
        for (Path file : yamlFiles(directory.resolve("evidence"))) {
            var inFile = read(file, new TypeReference<LinkedHashMap<String, Map<Language, String>>>() {
            });
            if (inFile == null) {
                continue;
            }
            inFile.forEach((ruleId, texts) -> {
                for (Language language : Language.values()) {
                    if (texts == null || isBlank(texts.get(language))) {
                        problems.add(
                                at(file, ruleId + ":") + ": evidence of " + ruleId + " (" + language.code() + ") is missing");
                    }
                }
                if (texts != null) {
                    texts.forEach((language, text) -> checkPlaceholders(relative(file) + ": evidence of " + ruleId + " ("
                            + language.code() + ")", text, Placeholders.EVIDENCE));
                }
                if (evidence.put(ruleId, texts) != null) {
                    problems.add(at(file, ruleId + ":") + ": evidence of " + ruleId + " is given twice");
                }
            });
        }
        return evidence;
    }

    /**
     * knowledge-base/lexicon/*.yaml: signal -> language -> phrases, and knowledge-base/code-patterns.yaml.
     * A phrase must already be in the form messages are compared in, or it could never match.
     */
    private Lexicon readLexicon() {
        List<Lexicon.Phrase> phrases = new ArrayList<>();
        for (Path file : yamlFiles(directory.resolve("lexicon"))) {
            var inFile = read(file, new TypeReference<LinkedHashMap<String, LinkedHashMap<String, List<String>>>>() {
            });
            if (inFile == null) {
                continue;
            }
            inFile.forEach((signal, byLanguage) -> {
                if (byLanguage == null || byLanguage.isEmpty()) {
                    problems.add(at(file, signal + ":") + ": " + signal + " has no phrases");
                } else {
                    byLanguage.forEach((language, texts) -> addPhrases(file, signal, language, texts, phrases));
                }
            });
        }
        List<Pattern> codePatterns = new ArrayList<>();
        Path patternsFile = directory.resolve("code-patterns.yaml");
        if (Files.exists(patternsFile)) {
            var patterns = read(patternsFile, new TypeReference<List<String>>() {
            });
            for (String pattern : patterns == null ? List.<String> of() : patterns) {
                try {
                    Pattern compiled = Pattern.compile(pattern);
                    if (compiled.matcher("").groupCount() < 1) {
                        problems.add(
                                relative(patternsFile) + ": pattern '" + pattern + "' needs a group that captures the code");
                    } else {
                        codePatterns.add(compiled);
                    }
                } catch (PatternSyntaxException e) {
                    problems.add(relative(patternsFile) + ": pattern '" + pattern + "' is not a regular expression ("
                            + e.getDescription() + ")");
                }
            }
        }
        return new Lexicon(phrases, codePatterns);
    }

    /** One signal's phrases in one language, each checked to be in the form messages are compared in. */
    private void addPhrases(Path file, String signal, String language, List<String> texts, List<Lexicon.Phrase> phrases) {
        // A language without phrases is a phrase removed and its key left behind.
        if (texts == null || texts.isEmpty()) {
            problems.add(at(file, signal + ":") + ": " + signal + " (" + language + ") has no phrases");
            return;
        }
        for (String text : texts) {
            String normalised = NormalForm.text(text);
            // Where a phrase is found in its file only when it is reported: looking costs a read of the file.
            if (normalised.isEmpty()) {
                problems.add(at(file, text == null ? signal + ":" : text) + ": " + signal + " (" + language
                        + ") has an empty phrase");
            } else if (!normalised.equals(text)) {
                problems.add(at(file, text) + ": " + signal + " (" + language + ") phrase '" + text
                        + "' can never match a message; write it as '" + normalised + "'");
            } else {
                phrases.add(Lexicon.Phrase.of(signal, language, text));
            }
        }
    }

    private List<Path> yamlFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            problems.add(relative(folder) + ": " + e.getMessage());
            return List.of();
        }
    }

    /** The texts by id, or null when the file cannot be read (its problem is recorded). */
    private Map<String, Map<Language, String>> readTexts(Path file) {
        var texts = read(file, new TypeReference<LinkedHashMap<String, Map<Language, String>>>() {
        });
        if (texts == null) {
            return null;
        }
        texts.forEach((id, inLanguages) -> {
            for (Language language : Language.values()) {
                if (inLanguages == null || isBlank(inLanguages.get(language))) {
                    problems.add(at(file, id + ":") + ": text '" + id + "' (" + language.code() + ") is missing");
                }
            }
        });
        return texts;
    }

    /** The texts the service fills: only the placeholders their filler knows, each written {name}. */
    private void checkPlaceholders(Map<String, Map<Language, String>> texts) {
        Map<String, Set<String>> filled = Map.of("answer.step-failed", Placeholders.STEP, "email.subject",
                Placeholders.EMAIL, "email.intro", Placeholders.EMAIL, "email.whenValue", Placeholders.EMAIL,
                "email.failureCount", Placeholders.EMAIL, "email.failureCount.one", Placeholders.EMAIL, "email.greeting",
                Placeholders.EMAIL);
        filled.forEach((id, known) -> {
            Map<Language, String> inLanguages = texts.get(id);
            if (inLanguages != null) {
                inLanguages.forEach((language, text) -> checkPlaceholders(
                        relative(directory.resolve("texts.yaml")) + ": text '" + id + "' (" + language.code() + ")", text,
                        known));
            }
        });
    }

    private void checkPlaceholders(String where, String text, Set<String> known) {
        if (text != null) {
            Placeholders.problems(text, known).forEach(problem -> problems.add(where + ": " + problem));
        }
    }

    private void checkSupport(SupportSettings support) {
        for (Language language : Language.values()) {
            if (support.descriptionTemplate() == null || isBlank(support.descriptionTemplate().get(language))) {
                problems.add("support.yaml: descriptionTemplate (" + language.code() + ") is missing");
            } else {
                checkPlaceholders("support.yaml: descriptionTemplate (" + language.code() + ")",
                        support.descriptionTemplate().get(language), Placeholders.SUPPORT_REQUEST);
            }
            for (var link : support.links()) {
                if (link.title() == null || isBlank(link.title().get(language))) {
                    problems.add("support.yaml: link " + link.kind() + " has no title (" + language.code() + ")");
                }
            }
        }
    }

    private static Map<String, Connector> connectorsByName(List<Connector> connectors) {
        Map<String, Connector> byName = new HashMap<>();
        if (connectors != null) {
            for (Connector connector : connectors) {
                byName.put(connector.id(), connector);
                byName.put(connector.displayName().toLowerCase(Locale.ROOT), connector);
                connector.aliases().forEach(alias -> byName.put(alias.toLowerCase(Locale.ROOT), connector));
            }
        }
        return byName;
    }

    private <T> T read(Path file, TypeReference<T> type) {
        try {
            return YAML.readValue(file.toFile(), type);
        } catch (UnrecognizedPropertyException e) {
            List<String> known = e.getKnownPropertyIds() == null ? List.of()
                    : e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            // The parser stops at the end of the object; the analyst needs the line of the misspelt field.
            problems.add(at(file, e.getPropertyName() + ":") + ": unknown field '" + e.getPropertyName() + "'"
                    + Suggestions.didYouMean(e.getPropertyName(), known) + " (allowed: " + String.join(", ", known) + ")");
            return null;
        } catch (InvalidFormatException e) {
            Class<?> target = e.getTargetType();
            problems.add(at(file, e) + ": '" + e.getValue() + "' is not allowed"
                    + (target != null && target.isEnum() ? "; allowed: " + allowed(target) : ""));
            return null;
        } catch (MismatchedInputException e) {
            Matcher missing = MISSING_PROPERTY.matcher(e.getOriginalMessage());
            problems.add(relative(file) + ": " + (missing.find() ? "missing '" + missing.group(1) + "'" + where(e)
                    : e.getMessage().lines().findFirst().orElse("unreadable")));
            return null;
        } catch (JsonProcessingException e) {
            problems.add(at(file, e) + ": " + e.getOriginalMessage().lines().findFirst().orElse("unreadable"));
            return null;
        } catch (IOException e) {
            problems.add(relative(file) + ": " + e.getMessage().lines().findFirst().orElse("unreadable"));
            return null;
        }
    }

    private JsonNode readTree(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            problems.add(at(file, e) + ": " + e.getOriginalMessage().lines().findFirst().orElse("unreadable"));
            return null;
        } catch (IOException e) {
            problems.add(relative(file) + ": " + e.getMessage().lines().findFirst().orElse("unreadable"));
            return null;
        }
    }

    private static String allowed(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants())
                .map(value -> value instanceof Language language ? language.code() : ((Enum<?>) value).name())
                .collect(Collectors.joining(", "));
    }

    /** "file:line" where the parser stopped, or the file alone when it does not say. */
    private String at(Path file, JsonProcessingException e) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        return relative(file) + (line > 0 ? ":" + line : "");
    }

    /** "file:line" of the first line that holds the text (a key such as "id:"), or the file alone. */
    private String at(Path file, String text) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.startsWith(text) || line.contains(" " + text) || line.contains("'" + text)
                        || line.contains("\"" + text)) {
                    return relative(file) + ":" + (i + 1);
                }
            }
        } catch (IOException unreadable) {
            // reported where the file is read
        }
        return relative(file);
    }

    /** Where in the file a missing field was looked for, e.g. " in links[1]"; nothing at the top. */
    private static String where(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        var references = e.getPath();
        // The last reference is the missing field itself.
        for (var reference : references.subList(0, Math.max(0, references.size() - 1))) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "" : " in " + path;
    }

    private String readText(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            problems.add(relative(file) + ": cannot be read (" + e.getMessage() + ")");
            return "";
        }
    }

    private String relative(Path file) {
        return DisplayPath.of(directory, file);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
