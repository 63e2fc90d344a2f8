package io.flowdoctor.rulebase;

import io.flowdoctor.FlowDoctorConfig;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The rule base that answers requests. Compiled once at start-up; a rule base that does not compile
 * stops the start with every problem listed by file and line.
 */
@Startup
@ApplicationScoped
public class ActiveRuleBase {

    private static final Logger LOG = Logger.getLogger(ActiveRuleBase.class);

    private final FlowDoctorConfig config;
    private final AtomicReference<RuleBase> current = new AtomicReference<>();

    public ActiveRuleBase(FlowDoctorConfig config) {
        this.config = config;
    }

    @PostConstruct
    void load() {
        RuleBase ruleBase = new RuleBaseCompiler(ActiveRuleBase.class.getClassLoader())
                .compile(config.rulesDir(), config.knowledgeBaseDir());
        current.set(ruleBase);
        LOG.infof("Rule base %s loaded: %d rules from %s", ruleBase.version(), ruleBase.allRules().size(),
                config.rulesDir().toAbsolutePath().normalize());
    }

    public RuleBase current() {
        return current.get();
    }
}
