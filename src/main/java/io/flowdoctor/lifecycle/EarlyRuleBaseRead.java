package io.flowdoctor.lifecycle;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.flowdoctor.rulebase.CompiledRuleBases;
import io.flowdoctor.rulebase.EvaluationBounds;
import io.flowdoctor.rulebase.RuleBase;

/**
 * Begins reading the kept compiled rule base as soon as the container exists, while the database, Hibernate and
 * the other extensions start, so that a start with unchanged rules does not wait for the two in turn. The
 * service's configuration is not bound yet at that point, so the locations come from the raw configuration:
 * {@link RuleBaseManager} takes the read only when its locations and bounds are the ones the bound configuration
 * names (and the files still are the version read), and reads again otherwise. (The service is built for the JVM
 * only: in a native image the event would fire while the image is built.)
 */
@ApplicationScoped
public class EarlyRuleBaseRead {

    private static final Logger LOG = Logger.getLogger(EarlyRuleBaseRead.class);

    /** What a read depends on besides the files. */
    record Source(Path compiled, Path rules, Path knowledge, EvaluationBounds bounds) {

        Source {
            compiled = compiled.toAbsolutePath().normalize();
            rules = rules.toAbsolutePath().normalize();
            knowledge = knowledge.toAbsolutePath().normalize();
        }
    }

    /** A read begun and not taken yet. */
    private record Pending(Source source, CompletableFuture<Optional<RuleBase>> reading) {
    }

    private final AtomicReference<Pending> pending = new AtomicReference<>();

    void begin(@Observes @Initialized(ApplicationScoped.class) Object containerStarted) {
        Source from;
        try {
            // application.properties names each of these; a value missing or unconvertible here means no early read.
            Config config = ConfigProvider.getConfig();
            from = new Source(
                    Path.of(config.getValue("flowdoctor.compiled-rules-dir", String.class)),
                    Path.of(config.getValue("flowdoctor.rules-dir", String.class)),
                    Path.of(config.getValue("flowdoctor.knowledge-base-dir", String.class)),
                    new EvaluationBounds(config.getValue("flowdoctor.evaluation.max-firings", Integer.class),
                            config.getValue("flowdoctor.evaluation.time-budget", Duration.class)));
        } catch (RuntimeException unreadable) {
            // The manager reads once the configuration is bound.
            LOG.debugf("The rule base is not read early: %s", unreadable);
            return;
        }
        begin(from);
    }

    /** Starts reading from the source on a thread of its own. */
    void begin(Source from) {
        CompiledRuleBases compiled = new CompiledRuleBases(from.compiled(), EarlyRuleBaseRead.class.getClassLoader(),
                from.bounds());
        pending.set(new Pending(from, CompletableFuture.supplyAsync(() -> compiled.load(from.rules(), from.knowledge())
                .filter(read -> RuleBaseCheck.answersItsFirstScenario(read, from.knowledge())),
                task -> {
                    Thread thread = new Thread(task, "rule-base-early-read");
                    thread.setDaemon(true);
                    thread.start();
                })));
    }

    /** What the early read found: the kept rule base, or none usable (then the rules are compiled and checked). */
    record Read(Optional<RuleBase> ruleBase) {
    }

    /** The early read, waiting for it, when it read from the source given; empty when none began or it read elsewhere. */
    Optional<Read> take(Source wanted) {
        Pending taken = pending.getAndSet(null);
        if (taken == null || !wanted.equals(taken.source())) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Read(taken.reading().join()));
        } catch (RuntimeException failed) {
            LOG.debugf("The early read of the rule base failed: %s", failed);
            return Optional.empty();
        }
    }
}
