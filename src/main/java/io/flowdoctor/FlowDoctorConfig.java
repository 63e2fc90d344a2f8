package io.flowdoctor;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

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

    /** Where the embedded database (and later the e-mail outbox) lives. */
    @WithDefault("./data")
    Path dataDir();

    /**
     * Link to resubmit a failed run, with {environmentId}, {flowId} and {runId}; none when unset, and
     * none for a run that lacks one of the ids.
     */
    Optional<String> resubmitUrlTemplate();

    /** Failure history. */
    History history();

    interface History {

        /** A failure more than this long after the previous one starts a new incident. */
        @WithDefault("24h")
        Duration incidentWindow();
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

    /** The HTTP benchmark's baseline endpoint. */
    Bench bench();

    interface Bench {

        /** Serve POST /bench/echo, which returns the request it reads; off in production. */
        @WithDefault("false")
        boolean echoEnabled();
    }
}
