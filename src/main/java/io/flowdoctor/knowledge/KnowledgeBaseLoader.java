package io.flowdoctor.knowledge;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** Reads knowledge-base/ (tips from every *.yaml under tips/) and checks that every text exists in every language. */
public final class KnowledgeBaseLoader {

    static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Texts the answer and the e-mail use by id, whatever the rules name. */
    private static final List<String> REQUIRED_TEXTS = List.of("answer.step-failed", "email.subject", "email.intro",
            "email.when", "email.whenValue", "email.whatHappened", "email.howToFix", "email.troubleshootingTips",
            "email.failureCount", "email.resubmit", "email.fixMyFlow", "email.unsubscribe", "email.escalated.self-help",
            "email.escalated.community", "email.escalated.resource-owner", "email.escalated.admin", "email.escalated.support");

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
        var tips = readTips();
        var texts = readTexts(directory.resolve("texts.yaml"));
        var support = read(directory.resolve("support.yaml"), new TypeReference<SupportSettings>() { });
        var retryPolicy = read(directory.resolve("retry-policy.yaml"), new TypeReference<RetryPolicy>() { });
        var failingStep = read(directory.resolve("failing-step.yaml"), new TypeReference<FailingStepHints>() { });
        var connectors = read(directory.resolve("connectors.yaml"), new TypeReference<List<Connector>>() { });
        if (support != null) {
            checkSupport(support);
        }
        for (String required : REQUIRED_TEXTS) {
            if (!texts.containsKey(required)) {
                problems.add(relative(directory.resolve("texts.yaml")) + ": text '" + required + "' is missing");
            }
        }
        var emailTemplates = new KnowledgeBase.EmailTemplates(readText(directory.resolve("email/repair-tips.html")),
                readText(directory.resolve("email/repair-tips.txt")));
        if (!problems.isEmpty()) {
            throw new KnowledgeBaseException(problems);
        }
        return new KnowledgeBase(tips, texts, support, retryPolicy, failingStep, connectorsByName(connectors), emailTemplates);
    }

    private Map<String, Map<Language, TipText>> readTips() {
        Map<String, Map<Language, TipText>> tips = new HashMap<>();
        Path tipsDirectory = directory.resolve("tips");
        try (Stream<Path> files = Files.walk(tipsDirectory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                var inFile = read(file, new TypeReference<LinkedHashMap<String, Map<Language, TipText>>>() { });
                if (inFile == null) {
                    continue;
                }
                inFile.forEach((id, texts) -> {
                    checkTip(file, id, texts);
                    if (tips.put(id, texts) != null) {
                        problems.add(relative(file) + ": tip '" + id + "' is defined twice");
                    }
                });
            }
        } catch (IOException e) {
            problems.add(relative(tipsDirectory) + ": " + e.getMessage());
        }
        return tips;
    }

    private void checkTip(Path file, String id, Map<Language, TipText> texts) {
        for (Language language : Language.values()) {
            TipText text = texts == null ? null : texts.get(language);
            String where = relative(file) + ": tip '" + id + "' (" + language.code() + ")";
            if (text == null) {
                problems.add(where + " is missing");
            } else if (isBlank(text.title()) || isBlank(text.whatHappened()) || text.steps().isEmpty()) {
                problems.add(where + " needs a title, whatHappened and at least one step");
            }
        }
    }

    private Map<String, Map<Language, String>> readTexts(Path file) {
        var texts = read(file, new TypeReference<LinkedHashMap<String, Map<Language, String>>>() { });
        if (texts == null) {
            return Map.of();
        }
        texts.forEach((id, inLanguages) -> {
            for (Language language : Language.values()) {
                if (inLanguages == null || isBlank(inLanguages.get(language))) {
                    problems.add(relative(file) + ": text '" + id + "' (" + language.code() + ") is missing");
                }
            }
        });
        return texts;
    }

    private void checkSupport(SupportSettings support) {
        for (Language language : Language.values()) {
            if (support.descriptionTemplate() == null || isBlank(support.descriptionTemplate().get(language))) {
                problems.add("support.yaml: descriptionTemplate (" + language.code() + ") is missing");
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
        } catch (IOException e) {
            problems.add(relative(file) + ": " + e.getMessage().lines().findFirst().orElse("unreadable"));
            return null;
        }
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
