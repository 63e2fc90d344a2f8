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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import io.flowdoctor.Instants;

/**
 * Watches directory trees and calls back once the files have stayed quiet for a while after a change. An
 * I/O error (a directory that vanished mid-walk, the operating system's limit of watches, a remounted
 * volume) does not end the watch: it is logged, the trees are registered anew on a fresh watch service
 * after a growing pause, and a callback follows, since changes may have been missed meanwhile.
 */
final class DirectoryWatch {

    /** Registers one directory with a watch service; the default is the file system's own. */
    interface Registrar {
        void register(Path directory, WatchService watchService) throws IOException;
    }

    static final Registrar FILE_SYSTEM = (directory, watchService) -> directory.register(watchService,
            StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);

    /** How the watch is doing, for the health check. */
    record State(boolean watching, int recoveries, String lastError, Instant lastErrorAt) {
    }

    private static final Logger LOG = Logger.getLogger(DirectoryWatch.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    private final List<Path> roots;
    private final Duration quietPeriod;
    private final Runnable onChange;
    private final Registrar registrar;
    private volatile WatchService watchService;
    private volatile boolean stopped;
    private volatile State state = new State(false, 0, null, null);
    private Thread thread;

    DirectoryWatch(List<Path> roots, Duration quietPeriod, Runnable onChange, Registrar registrar) {
        this.roots = List.copyOf(roots);
        this.quietPeriod = quietPeriod;
        this.onChange = onChange;
        this.registrar = registrar;
    }

    synchronized void start() {
        thread = new Thread(this::run, "rule-file-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        stopped = true;
        closeQuietly();
        Thread running = thread;
        if (running != null) {
            running.interrupt();
        }
    }

    State state() {
        Thread running = thread;
        State now = state;
        // A thread that ended on anything but a stop is a watch that no longer watches.
        return running != null && !running.isAlive() && !stopped ? new State(false, now.recoveries(), now.lastError(),
                now.lastErrorAt()) : now;
    }

    private void run() {
        Duration pause = FIRST_PAUSE;
        boolean recovering = false;
        while (!stopped) {
            try {
                watchService = FileSystems.getDefault().newWatchService();
                for (Path root : roots) {
                    registerTree(root);
                }
                state = new State(true, state.recoveries(), state.lastError(), state.lastErrorAt());
                if (recovering) {
                    LOG.infof("Watching the rule files again after: %s", state.lastError());
                    onChange.run(); // what changed while the watch was down
                }
                pause = FIRST_PAUSE;
                watch();
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ClosedWatchServiceException closed) {
                if (stopped) {
                    return;
                }
                failed(closed, pause);
            } catch (IOException | RuntimeException e) { // UncheckedIOException from a walk, too
                if (stopped) {
                    return;
                }
                failed(e, pause);
            }
            recovering = true;
            closeQuietly();
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }

    private void failed(Exception e, Duration pause) {
        state = new State(false, state.recoveries() + 1, e.toString(), Instants.now());
        LOG.warnf("Watching the rule files failed (%s); watching again in %d ms. Meanwhile, reload with "
                + "POST /api/v1/rules/reload", e, pause.toMillis());
    }

    private void watch() throws IOException, InterruptedException {
        long quietMillis = Math.max(1, quietPeriod.toMillis());
        boolean changed = false;
        while (!stopped) {
            WatchKey key = changed ? watchService.poll(quietMillis, TimeUnit.MILLISECONDS) : watchService.take();
            if (key == null) {
                changed = false;
                onChange.run();
                continue;
            }
            for (WatchEvent<?> event : key.pollEvents()) {
                if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                    throw new IOException("more changes than the watch service could keep track of");
                }
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
    }

    private void registerTree(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> directories = Files.walk(root)) {
            for (Path directory : directories.filter(Files::isDirectory).toList()) {
                registrar.register(directory, watchService);
            }
        }
    }

    private void closeQuietly() {
        WatchService current = watchService;
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                LOG.debug("Closing the watch service failed", e);
            }
        }
    }
}
