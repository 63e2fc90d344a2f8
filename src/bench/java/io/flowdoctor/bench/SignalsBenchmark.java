package io.flowdoctor.bench;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.flowdoctor.knowledge.Lexicon;
import io.flowdoctor.rulebase.RuleBaseCompiler;

/**
 * The shipped lexicon on one failure message: its signals alone, and its signals with the subject each is about
 * (worked out only when the message names subjects of two kinds).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SignalsBenchmark {

    @Param({ "one kind of subject", "two kinds of subject" })
    public String message;

    private Lexicon lexicon;
    private String text;
    private List<String> compoundWords;

    @Setup
    public void load() {
        ProductionLogging.apply();
        lexicon = new RuleBaseCompiler(getClass().getClassLoader())
                .compile(GeneratedRules.directory(0), GeneratedRules.knowledge(0)).knowledge().lexicon();
        String raw = message.startsWith("one")
                ? "{\"error\":{\"code\":\"ItemNotFound\",\"message\":\"The item with id 42 was not found. It may have been deleted.\"}}"
                : "{\"error\":{\"code\":\"ItemNotFound\",\"message\":\"The item in list 'Invoices' was not found. It may have been"
                        + " deleted by another user.\"}}";
        text = raw.toLowerCase(Locale.ROOT); // the normal form of a message in plain ASCII with single spaces
        compoundWords = Lexicon.compoundWords(raw);
    }

    @Benchmark
    public List<Lexicon.Match> signals() {
        return lexicon.signals(text, compoundWords);
    }

    @Benchmark
    public List<Lexicon.Nearest> signalsAndSubjects() {
        return lexicon.subjects(text, compoundWords, lexicon.signals(text, compoundWords));
    }
}
