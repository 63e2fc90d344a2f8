package io.flowdoctor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.flowdoctor.rulebase.EvaluationBounds;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Flow Doctor's own settings, the {@code flowdoctor.*} keys of application.properties. */
@ConfigMapping(prefix = "flowdoctor")
public interface FlowDoctorConfig {

    /** The .drl files, searched recursively; relative paths start at the working directory. */
    @WithDefault("rules")
    Path rulesDir();

    /** Tips, texts, support settings, connector catalog and scenarios. */
    @WithDefault("knowledge-base")
    Path knowledgeBaseDir();

    /** The largest request body accepted; larger ones get 413 problem+json. */
    @WithDefault("1M")
    MemorySize maxBodySize();

    /** Limits of a request's head, answered with problem+json (414, 431). */
    Http http();

    interface Http {

        /** Characters of a request's URI (path and query); longer ones get 414. */
        @WithDefault("8192")
        int maxUriLength();

        /** Bytes of a request's headers together; more get 431. */
        @WithDefault("20480")
        int maxHeaderSize();
    }

    /** Who may call: API keys by their SHA-256 hash (OIDC bearer tokens are configured with quarkus.oidc.*). */
    Security security();

    interface Security {

        /** The header that carries an API key. */
        @WithDefault("X-API-Key")
        String apiKeyHeader();

        /** Named API keys: flowdoctor.security.api-keys.<name>.hash and .roles. */
        Map<String, ApiKey> apiKeys();

        interface ApiKey {

            /** Hex SHA-256 of the key; the key itself is never stored. */
            String hash();

            /** Any of service, analyst, support. */
            Set<String> roles();
        }
    }

    /** The support console under /console: who may sign in, and how its forms are protected. */
    Console console();

    interface Console {

        /**
         * Let a person sign in with a role's name (service, analyst, support) as user name and that role's API
         * key as password, so that the console works out of the box.
         */
        @WithDefault("true")
        boolean apiKeySignIn();

        /** People who sign in with a password: flowdoctor.console.users.<name>.password-hash and .roles. */
        Map<String, User> users();

        /**
         * Key that signs the forms' CSRF tokens; when unset, one is made at every start, and pages opened before a
         * restart must be reloaded. Set it when several instances serve the console.
         */
        Optional<String> csrfKey();

        /** Rows per page in the console's lists. */
        @WithDefault("20")
        int pageSize();

        interface User {

            /** The password's hash, as printed by io.flowdoctor.security.PasswordHash; never the password. */
            String passwordHash();

            /** Any of analyst, support (service may sign in but sees no page). */
            Set<String> roles();
        }
    }

    /** Limits of one diagnosis request; each is answered with 400 problem+json naming it. */
    Limits limits();

    interface Limits {

        /** Actions in one request. */
        @WithDefault("500")
        int maxActions();

        /** Characters of one action's error message. */
        @WithDefault("32768")
        int maxMessageLength();

        /** Characters of every other text field (ids, names, codes). */
        @WithDefault("1024")
        int maxFieldLength();
    }

    /** Where the embedded database (and later the e-mail outbox) lives. */
    @WithDefault("./data")
    Path dataDir();

    /** The compiled form of each rule-base version that passed its gate; instances may share it. */
    @WithDefault("${flowdoctor.data-dir}/compiled-rules")
    Path compiledRulesDir();

    /**
     * Link to resubmit a failed run, with {environmentId}, {flowId} and {runId}; none when unset, and
     * none for a run that lacks one of the ids.
     */
    Optional<String> resubmitUrlTemplate();

    /**
     * How diagnoses are recorded: writers that store the work of many concurrent requests in one transaction
     * (group commit). An answer still leaves only once its rows are committed.
     */
    Recording recording();

    interface Recording {

        /** Writer threads; a flow's failures always go to the same writer, so they are counted in order. */
        @WithDefault("1")
        int writers();

        /** Diagnoses waiting to be recorded, over all writers; one more is refused with 503 and Retry-After. */
        @WithDefault("2000")
        int queueSize();

        /** The most diagnoses one transaction records. */
        @WithDefault("64")
        int batchSize();

        /** How long a request waits for its diagnosis to be recorded before it gets 503. */
        @WithDefault("30s")
        Duration maxWait();

        /** What a refused request is told to wait before it tries again (Retry-After). */
        @WithDefault("1s")
        Duration retryAfter();
    }

    /** Failure history. */
    History history();

    /** The repair-tips e-mail to flow owners. */
    Email email();

    interface Email {

        /** OUTBOX writes each e-mail as an .eml file under the data directory's outbox; SMTP sends it with Quarkus Mailer. */
        @WithDefault("outbox")
        Delivery delivery();

        /** The sender address. */
        @WithDefault("flow-doctor@localhost")
        String from();

        /** Repeats of one incident are folded into one e-mail at most this often. */
        @WithDefault("1h")
        Duration repeatInterval();

        /** Attempts to deliver one e-mail before it is recorded as failed. */
        @WithDefault("5")
        int maxAttempts();

        /** The wait after the first failed attempt; it doubles with every further attempt. */
        @WithDefault("30s")
        Duration retryAfter();

        /** How often queued e-mails are looked at (read by the scheduler from this key). */
        @WithDefault("2s")
        Duration sendEvery();

        /** The longest one SMTP send may take before it counts as a failed attempt. */
        @WithDefault("60s")
        Duration sendTimeout();

        /** E-mails on their way at once, per instance. */
        @WithDefault("4")
        int parallelSends();

        /** The most e-mails an instance starts per second; 0 for no limit. */
        @WithDefault("50")
        double maxPerSecond();

        /** How long a sender's claim on an e-mail holds; after it another instance may send the e-mail. */
        @WithDefault("5m")
        Duration claimLease();

        /** Where the service is reached from a mail client, for the unsubscribe link. */
        @WithDefault("http://localhost:8080")
        String publicUrl();

        /** The flow's edit page ("Fix my flow"), with {environmentId} and {flowId}; no link when unset. */
        Optional<String> editUrlTemplate();

        /** Key that signs unsubscribe links; when unset, one is made once and kept in the data directory. */
        Optional<String> signingKey();

        /** Domains an owner's address may belong to (lower case); any domain when unset. */
        Optional<Set<String>> allowedDomains();

        /** How long an unsubscribe link works after its e-mail was written. */
        @WithDefault("60d")
        Duration unsubscribeValidFor();

        enum Delivery {
            OUTBOX,
            SMTP
        }
    }

    interface History {

        /** A failure more than this long after the previous one starts a new incident. */
        @WithDefault("24h")
        Duration incidentWindow();

        /**
         * How long diagnoses, failures, cases and e-mails are kept; older ones are purged on a schedule
         * (flowdoctor.history.purge-every, read by the scheduler from this key).
         */
        @WithDefault("90d")
        Duration retention();

        /** How often the purge runs. */
        @WithDefault("1h")
        Duration purgeEvery();

        /** Rows deleted per transaction by the purge. */
        @WithDefault("500")
        int purgeBatch();
    }

    /** Outage consolidation: many flows failing with one signature at once make one outage case. */
    Outages outages();

    interface Outages {

        /** Whether failures are consolidated into outage cases at all. */
        @WithDefault("true")
        boolean enabled();

        /** How many flows failing with one signature within the window open an outage case. */
        @WithDefault("20")
        int flows();

        /** The window those flows must fail within. */
        @WithDefault("10m")
        Duration window();

        /**
         * The categories a failure can be part of an outage in (a failure of the flow's own making, such as an
         * expression or a setting of a step, is not, however many flows show it).
         */
        @WithDefault("TRANSIENT,THROTTLING,TIMEOUT,AUTHENTICATION,LICENSING_OR_PERMISSION,CONNECTOR_LIMIT,UNKNOWN")
        java.util.Set<String> categories();
    }

    /** Knowledge gaps: failures the rules could not explain. */
    Gaps gaps();

    interface Gaps {

        /** The latest audited diagnoses kept per gap as its examples. */
        @WithDefault("5")
        int examplesKept();
    }

    /** What-if replay of stored failures against a candidate rule base. */
    Replay replay();

    interface Replay {

        /** Stored failures replayed when a request names no number, and at every reload. */
        @WithDefault("5000")
        int defaultFailures();

        /** The most stored failures one replay may take. */
        @WithDefault("50000")
        int maxFailures();

        /** Candidate rules to replay instead of the rules directory. */
        Optional<Path> candidateRulesDir();

        /** The candidate's knowledge base; the knowledge-base directory when unset. */
        Optional<Path> candidateKnowledgeBaseDir();
    }

    /** Whether advice helps. */
    Effectiveness effectiveness();

    interface Effectiveness {

        /**
         * A recovery this long after a diagnosis at most credits its rules and tips; a repeat within it counts against them.
         */
        @WithDefault("7d")
        Duration window();
    }

    /** How far one evaluation of the rules may go; the reload gate holds every rule base to the same bounds. */
    Evaluation evaluation();

    interface Evaluation {

        /** Rule firings of one evaluation, both phases together; more answers 500 problem+json naming the rules. */
        @WithDefault("10000")
        int maxFirings();

        /** CPU time of one evaluation (a waiting thread spends none); the session is halted when it is spent. */
        @WithDefault("2s")
        Duration timeBudget();

        /** The bounds as the rule base takes them. */
        default EvaluationBounds bounds() {
            return new EvaluationBounds(maxFirings(), timeBudget());
        }
    }

    /** Reloading the rule base while the service runs. */
    Reload reload();

    interface Reload {

        /** Watch the rules and knowledge-base directories and reload on every change. */
        @WithDefault("true")
        boolean watch();

        /** How long the files must stay unchanged before a reload starts; an editor saves in bursts. */
        @WithDefault("500ms")
        Duration quietPeriod();
    }

    /**
     * Failed runs from a Kafka topic (or Azure Event Hubs' Kafka endpoint), diagnoses to another. The topics and
     * the client settings are the channels' (mp.messaging.incoming.failed-runs.*, mp.messaging.outgoing.diagnoses.*,
     * kafka.*).
     */
    Kafka kafka();

    interface Kafka {

        /** Read the failed-runs topic and write the diagnoses topic; off: no Kafka client is started. */
        @WithDefault("false")
        boolean enabled();

        /**
         * Tries to diagnose and store one record's runs while the database fails, before the record goes to the
         * dead-letter topic with the problem (from where it can be sent again: it is never counted twice).
         */
        @WithDefault("5")
        int attempts();

        /** The wait after the first failed try; it doubles with each further one. */
        @WithDefault("1s")
        Duration retryAfter();
    }

    /** The HTTP benchmark's baseline endpoint. */
    Bench bench();

    interface Bench {

        /** Serve POST /bench/echo, which returns the request it reads; off in production. */
        @WithDefault("false")
        boolean echoEnabled();
    }
}
