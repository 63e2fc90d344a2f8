package io.flowdoctor.rulebase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rule files of a rules directory as analysts know them: one per family, {@code <group>/<family>.drl} or the
 * decision table {@code <group>/<family>.drl.csv}, and the DRL each stands for (a table's is the DRL Drools'
 * decision-table compiler generates from it).
 */
public final class RuleFiles {

    private RuleFiles() {
    }

    /** Whether the file holds rules: a .drl file or a decision table. */
    public static boolean isRuleFile(Path file) {
        return file.getFileName() != null
                && (file.getFileName().toString().endsWith(".drl") || DecisionTables.isTable(file));
    }

    /** Every rule file under the directory, in path order. */
    public static List<Path> all(Path rulesDirectory) {
        try {
            return RuleSetVersion.regularFiles(rulesDirectory).stream().filter(RuleFiles::isRuleFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rule files by family key: the path under the rules directory without .drl or .drl.csv. */
    public static Map<String, Path> byFamily(Path rulesDirectory) {
        Map<String, Path> byKey = new TreeMap<>();
        for (Path file : all(rulesDirectory)) {
            String relative = rulesDirectory.relativize(file).toString().replace('\\', '/');
            byKey.put(relative.replaceFirst("\\.drl(\\.csv)?$", ""), file);
        }
        return byKey;
    }

    /** The rules as DRL: a DRL file as it is, a decision table as the DRL its compiler generates from it. */
    public static String drl(Path file) {
        try {
            return DecisionTables.isTable(file) ? DecisionTables.drl(file) : Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
