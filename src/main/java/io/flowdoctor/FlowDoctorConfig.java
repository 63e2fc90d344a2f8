package io.flowdoctor;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;

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
}
