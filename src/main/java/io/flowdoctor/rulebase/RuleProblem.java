package io.flowdoctor.rulebase;

/** Something wrong with the rule base, located as precisely as known (line 0: the whole file). */
public record RuleProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
