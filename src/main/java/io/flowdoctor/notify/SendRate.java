package io.flowdoctor.notify;

/**
 * At most a given number of sends per second, spread evenly (a mail server that limits its clients
 * counts per second, not per batch); no limit at 0.
 */
final class SendRate {

    private final long nanosBetween;
    private long next;

    SendRate(double perSecond) {
        this.nanosBetween = perSecond <= 0 ? 0 : (long) (1_000_000_000L / perSecond);
        this.next = System.nanoTime();
    }

    /** Waits until the next send may start. */
    void acquire() throws InterruptedException {
        if (nanosBetween == 0) {
            return;
        }
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = Math.max(next, now);
            next = slot + nanosBetween;
            wait = slot - now;
        }
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
