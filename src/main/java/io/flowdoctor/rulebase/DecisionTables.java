package io.flowdoctor.rulebase;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

/**
 * Rule tables analysts keep as CSV ({@code rules/<group>/<family>.drl.csv}, one row a rule): turned into DRL by
 * Drools' decision-table compiler and built with the DRL files, and their problems named by table row.
 */
final class DecisionTables {

    private static final String SUFFIX = ".drl.csv";
    /** The compiler writes "// rule values at A12, header at A5" above each rule it generates. */
    private static final Pattern ROW_COMMENT = Pattern.compile("// rule values at [A-Z]+(\\d+)");

    private DecisionTables() {
    }

    static boolean isTable(Path file) {
        return file.getFileName() != null && file.getFileName().toString().endsWith(SUFFIX);
    }

    /** The table's DRL, as the builder compiles it. */
    static String drl(Path table) throws IOException {
        try (InputStream in = Files.newInputStream(table)) {
            return new SpreadsheetCompiler().compile(in, InputType.CSV);
        }
    }

    /**
     * A problem at a line of a rule file; for a table, the line is one of the DRL generated from it (by display
     * path in {@code generated}), so the problem moves to the table row that line came from.
     */
    static RuleProblem problem(Map<String, String> generated, String file, int line, String message) {
        String drl = generated.get(file);
        if (drl == null) {
            return new RuleProblem(file, line, message);
        }
        List<String> lines = drl.lines().toList();
        int row = 0;
        for (int i = 0; i < Math.min(line, lines.size()); i++) {
            Matcher comment = ROW_COMMENT.matcher(lines.get(i));
            if (comment.find()) {
                row = Integer.parseInt(comment.group(1));
            }
        }
        return new RuleProblem(file, row, "row " + row + ": " + message);
    }
}
