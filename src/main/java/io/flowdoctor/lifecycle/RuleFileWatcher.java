package io.flowdoctor.lifecycle;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.flowdoctor.FlowDoctorConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Reloads the rule base when a file under the rules or knowledge-base directory changes. Changes are
 * gathered until the files stay quiet for the configured period, so one save is one reload.
 */
@ApplicationScoped
public class RuleFileWatcher {

    private static final Logger LOG = Logger.getLogger(RuleFileWatcher.class);

    private final FlowDoctorConfig config;
    private final RuleBaseManager manager;
    private WatchService watchService;

    public RuleFileWatcher(FlowDoctorConfig config, RuleBaseManager manager) {
        this.config = config;
        this.manager = manager;
    }

    void start(@Observes StartupEvent startup) throws IOException {
        if (!config.reload().watch()) {
            return;
        }
        watchService = FileSystems.getDefault().newWatchService();
        for (Path root : List.of(config.rulesDir(), config.knowledgeBaseDir())) {
            registerTree(root);
        }
        Thread thread = new Thread(this::watch, "rule-file-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws IOException {
        if (watchService != null) {
            watchService.close();
        }
    }

    private void watch() {
        long quietMillis = Math.max(1, config.reload().quietPeriod().toMillis());
        boolean changed = false;
        try {
            while (true) {
                WatchKey key = changed ? watchService.poll(quietMillis, TimeUnit.MILLISECONDS) : watchService.take();
                if (key == null) {
                    changed = false;
                    manager.reload();
                    continue;
                }
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.context() instanceof Path name && key.watchable() instanceof Path directory) {
                        Path changedPath = directory.resolve(name);
                        if (Files.isDirectory(changedPath)) {
                            registerTree(changedPath);
                        }
                    }
                    changed = true;
                }
                key.reset();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException closed) {
            // The service is shutting down.
        } catch (IOException e) {
            LOG.error("Watching the rule files stopped; reload with POST /api/v1/rules/reload", e);
        }
    }

    private void registerTree(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> directories = Files.walk(root)) {
            for (Path directory : directories.filter(Files::isDirectory).toList()) {
                directory.register(watchService, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }
}
