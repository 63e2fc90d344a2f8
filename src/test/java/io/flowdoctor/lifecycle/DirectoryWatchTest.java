package io.flowdoctor.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file watch goes on after an I/O error, and says how it is doing. */
class DirectoryWatchTest {

    @TempDir
    Path rules;

    @Test
    void anIoErrorWhileRegisteringADirectoryDoesNotEndTheWatch() throws Exception {
        Semaphore changes = new Semaphore(0);
        AtomicInteger failures = new AtomicInteger();
        DirectoryWatch.Registrar flaky = (directory, watchService) -> {
            if (directory.getFileName().toString().equals("new-family") && failures.getAndIncrement() == 0) {
                throw new IOException("User limit of inotify watches reached");
            }
            DirectoryWatch.FILE_SYSTEM.register(directory, watchService);
        };
        DirectoryWatch watch = new DirectoryWatch(List.of(rules), Duration.ofMillis(100), changes::release, flaky);
        watch.start();
        try {
            awaitWatching(watch);
            Files.createDirectory(rules.resolve("new-family"));

            // The failed registration is retried, and a reload follows for what may have been missed.
            assertTrue(changes.tryAcquire(20, TimeUnit.SECONDS), "no reload after the error");
            awaitWatching(watch);
            DirectoryWatch.State state = watch.state();
            assertEquals(1, state.recoveries());
            assertEquals("java.io.IOException: User limit of inotify watches reached", state.lastError());

            changes.drainPermits();
            Files.writeString(rules.resolve("new-family").resolve("family.drl"), "// edited");
            assertTrue(changes.tryAcquire(20, TimeUnit.SECONDS), "an edit after the error was not seen");
        } finally {
            watch.stop();
        }
    }

    private static void awaitWatching(DirectoryWatch watch) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!watch.state().watching() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(watch.state().watching(), "not watching: " + watch.state());
    }
}
