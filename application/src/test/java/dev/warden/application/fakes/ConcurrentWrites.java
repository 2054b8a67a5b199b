package dev.warden.application.fakes;

/**
 * Writes of "another request" that a repository fake runs inside its next updates, after the use
 * case read the record and before the update's check: the interleaving that makes an optimistic
 * update conflict. The write must store with {@code save(...)}, and bump the sequence as a real
 * write does (use a domain transition), or the update it races with sees no change.
 */
final class ConcurrentWrites {

    private Runnable write = () -> {
    };
    private int remaining;

    synchronized void set(int times, Runnable concurrentWrite) {
        if (times < 0) {
            throw new IllegalArgumentException("times must not be negative");
        }
        this.write = concurrentWrite;
        this.remaining = times;
    }

    /** Runs the write if any is still due; called by an update before it compares sequences. */
    void beforeCheck() {
        Runnable due;
        synchronized (this) {
            if (remaining == 0) {
                return;
            }
            remaining--;
            due = write;
        }
        due.run();
    }
}
