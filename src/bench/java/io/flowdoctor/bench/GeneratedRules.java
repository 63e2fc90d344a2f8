package io.flowdoctor.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Rule bases for the benchmarks: the shipped rules plus a number of generated connector rules, written
 * under target/bench-rules. The generated rules have the shape of the real connector families: ten
 * rules per connector, each on connector equality plus a message phrase, some also on the status code
 * or the operation, every one naming a tip the knowledge base has. Their evidence goes to a copy of the
 * knowledge base beside them (knowledge-N), as a rule's evidence lives in knowledge-base/evidence/.
 */
final class GeneratedRules {

    static final Path SHIPPED_RULES = Path.of("rules");
    static final Path KNOWLEDGE = Path.of("knowledge-base");
    private static final Path ROOT = Path.of("target", "bench-rules");
    private static final int RULES_PER_CONNECTOR = 10;
    private static final String[] CATEGORIES = { "DATA", "ACTION_CONFIGURATION", "CONNECTOR_LIMIT", "AUTHENTICATION",
            "LICENSING_OR_PERMISSION", "THROTTLING", "TIMEOUT", "TRANSIENT" };

    private GeneratedRules() {
    }

    /** Writes the rule bases of 1,000 and 10,000 generated rules. */
    public static void main(String[] args) {
        directory(1000);
        directory(10000);
    }

    /** The knowledge base that goes with {@link #directory(int)}: the shipped one plus the generated rules' evidence. */
    static Path knowledge(int generated) {
        directory(generated);
        return generated == 0 ? KNOWLEDGE : ROOT.resolve("knowledge-" + generated);
    }

    /** The rules directory with the shipped rules and {@code generated} more; the shipped one for 0. */
    static Path directory(int generated) {
        if (generated == 0) {
            return SHIPPED_RULES;
        }
        Path directory = ROOT.resolve("rules-" + generated);
        try {
            if (Files.isDirectory(directory)) {
                return directory;
            }
            Path staging = Files.createDirectories(ROOT).resolve("rules-" + generated + ".tmp");
            copy(SHIPPED_RULES, staging);
            Path generatedDir = Files.createDirectories(staging.resolve("generated"));
            Path knowledge = ROOT.resolve("knowledge-" + generated);
            Path knowledgeStaging = ROOT.resolve("knowledge-" + generated + ".tmp");
            copy(KNOWLEDGE, knowledgeStaging);
            Path evidenceDir = Files.createDirectories(knowledgeStaging.resolve("evidence").resolve("generated"));
            for (int connector = 0; connector * RULES_PER_CONNECTOR < generated; connector++) {
                int rules = Math.min(RULES_PER_CONNECTOR, generated - connector * RULES_PER_CONNECTOR);
                Files.writeString(generatedDir.resolve(connectorId(connector) + ".drl"), family(connector, rules));
                Files.writeString(evidenceDir.resolve(connectorId(connector) + ".yaml"), evidence(connector, rules));
            }
            Files.move(knowledgeStaging, knowledge);
            return Files.move(staging, directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String connectorId(int connector) {
        return String.format("benchconnector%04d", connector);
    }

    private static String family(int connector, int rules) {
        String id = connectorId(connector);
        StringBuilder drl = new StringBuilder()
                .append("// Generated for the benchmarks: connector ").append(id).append(".\n")
                .append("package io.flowdoctor.rules;\n\nimport io.flowdoctor.diagnosis.*;\n");
        for (int rule = 0; rule < rules; rule++) {
            String phrase = "the " + id + " service reports problem " + rule;
            String condition = switch (rule % 3) {
                case 0 -> "text contains \"" + phrase + "\"";
                case 1 -> "statusCode == " + (400 + rule) + ", text contains \"" + phrase + "\"";
                default -> "operation in (\"getitem\", \"getitems_v" + rule + "\"), text contains \"" + phrase
                        + "\" || text contains \"" + phrase + " again\"";
            };
            drl.append("\nrule \"").append(id).append(" fails when the message says problem ").append(rule).append("\"\n")
                    .append("    @id(\"GEN-").append(String.format("%04d-%d", connector, rule)).append("\")\n")
                    .append("when\n")
                    .append("    FailedAction(connector == \"").append(id).append("\", ").append(condition).append(")\n")
                    .append("then\n")
                    .append("    insertLogical(new Finding(Category.").append(CATEGORIES[rule % CATEGORIES.length])
                    .append(", Specificity.CONNECTOR));\n")
                    .append("    insertLogical(new Recommendation(\"office365users.check-user-id\", 1));\n")
                    .append("end\n");
        }
        return drl.toString();
    }

    private static String evidence(int connector, int rules) {
        StringBuilder yaml = new StringBuilder();
        for (int rule = 0; rule < rules; rule++) {
            yaml.append("GEN-").append(String.format("%04d-%d", connector, rule)).append(":\n")
                    .append("  en: message says problem ").append(rule).append("\n")
                    .append("  nl: bericht meldt probleem ").append(rule).append("\n");
        }
        return yaml.toString();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
