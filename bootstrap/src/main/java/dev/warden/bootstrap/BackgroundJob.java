package dev.warden.bootstrap;

import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A periodic job that outlives its failures (an exception would end a scheduled task for good)
 * and reports them once per run of failures: one WARNING when the first run fails, one INFO when
 * a run works again, with how long it failed. An outage of the database thus costs two log lines
 * per job, however often the job runs meanwhile.
 */
final class BackgroundJob implements Runnable {

    private static final Logger LOG = Logger.getLogger(BackgroundJob.class.getName());

    private final String name;
    private final Runnable work;
    private long failingSince;
    private int failures;

    BackgroundJob(String name, Runnable work) {
        this.name = Objects.requireNonNull(name, "name");
        this.work = Objects.requireNonNull(work, "work");
    }

    @Override
    public void run() {
        try {
            work.run();
        } catch (RuntimeException e) {
            if (failures++ == 0) {
                failingSince = System.nanoTime();
                LOG.warning(name + " failed: " + Main.causes(e) + "; retrying at every run until it works");
            }
            LOG.log(Level.FINE, name + " failed", e);
            return;
        }
        if (failures > 0) {
            long millis = (System.nanoTime() - failingSince) / 1_000_000;
            LOG.info(name + " works again after " + millis + " ms (" + failures + " failed run(s))");
            failures = 0;
        }
    }
}
