package io.revlens.job;

import io.revlens.ingest.load.IngestProgress;
import io.revlens.model.Failures;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.scheduling.support.CronExpression;

/**
 * Fires every scheduled job at its cron (Spring's six-field syntax, in the job's time zone), with the
 * run date taken in that zone so the as-of rule applies to the day it fires. Never runs two runs of
 * the same job at once: a fire while the previous run is still going is skipped and logged.
 */
public final class JobScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JobScheduler.class);

    /** A job to schedule: its definition, the job file it came from, and its working folder. */
    public record ScheduledJob(JobDefinition job, Path jobFile, Path outDir) {
    }

    private final JobRunner runner;
    private final Consumer<String> events;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("revlens-cron"));
    private final ExecutorService workers = Executors.newCachedThreadPool(daemon("revlens-run"));
    private final List<Slot> slots = new ArrayList<>();
    private volatile boolean stopping;

    /** {@code events} receives one line per fire, skip and finished run (the log gets them too). */
    public JobScheduler(JobRunner runner, List<ScheduledJob> jobs, Consumer<String> events) {
        this.runner = runner;
        this.events = events;
        for (ScheduledJob job : jobs) {
            if (job.job().schedule() == null) {
                throw new JobDefinitionException("Job " + job.job().name() + " has no schedule: add"
                        + " schedule: {cron: \"0 0 6 2 * *\", zone: UTC} to its job file");
            }
            slots.add(new Slot(job, CronExpression.parse(job.job().schedule().cron()),
                    ZoneId.of(job.job().schedule().zone())));
        }
    }

    /** Starts the timers; returns at once. */
    public void start() {
        for (Slot slot : slots) {
            ZonedDateTime next = slot.cron.next(ZonedDateTime.now(slot.zone));
            emit(String.format("Scheduled %s: cron '%s' (%s), next run %s", slot.job.job().name(),
                    slot.job.job().schedule().cron(), slot.zone, next));
            arm(slot, next);
        }
    }

    private void arm(Slot slot, ZonedDateTime at) {
        if (stopping || at == null) {
            return;
        }
        long delay = Math.max(0, Duration.between(ZonedDateTime.now(slot.zone), at).toMillis());
        timer.schedule(() -> fire(slot, at), delay, TimeUnit.MILLISECONDS);
    }

    private void fire(Slot slot, ZonedDateTime at) {
        arm(slot, slot.cron.next(at));
        if (stopping) {
            return;
        }
        String name = slot.job.job().name();
        if (!slot.running.compareAndSet(false, true)) {
            emit("Skipped " + name + " at " + at + ": its previous run is still going");
            return;
        }
        workers.execute(() -> {
            try {
                emit("Starting " + name + " (fired at " + at + ")");
                RunRequest request = new RunRequest(slot.job.job(), slot.job.outDir(), null, false, slot.job.jobFile(),
                        at.toLocalDate());
                JobRunner.RunOutcome outcome = runner.run(request, IngestProgress.NONE);
                if (outcome.alreadyComplete()) {
                    emit("Finished " + name + ": an identical run already completed (same inputs and as-of); nothing to do");
                } else {
                    var execution = outcome.execution();
                    String error = outcome.error();
                    emit("Finished " + name + ": " + execution.getStatus() + " (run " + execution.getId() + ") → "
                            + slot.job.outDir() + (execution.getStatus() == BatchStatus.COMPLETED || error == null ? "" : ": " + error));
                }
            } catch (Exception | LinkageError e) {
                emit("Finished " + name + ": FAILED to start: " + Failures.innermostMessage(e));
            } finally {
                slot.running.set(false);
            }
        });
    }

    /**
     * Stops firing, asks running runs to stop at their next chunk or step boundary (they can be
     * restarted), and waits for them to end.
     */
    @Override
    public void close() throws InterruptedException {
        stopping = true;
        timer.shutdownNow();
        for (Slot slot : slots) {
            if (slot.running.get()) {
                emit("Stopping the running " + slot.job.job().name() + " at its next step boundary");
                runner.stopRunning(slot.job.job().name(), slot.job.outDir());
            }
        }
        workers.shutdown();
        while (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
            emit("Waiting for the running job(s) to stop ...");
        }
    }

    private void emit(String line) {
        log.info(line);
        events.accept(line);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static final class Slot {
        final ScheduledJob job;
        final CronExpression cron;
        final ZoneId zone;
        final AtomicBoolean running = new AtomicBoolean();

        Slot(ScheduledJob job, CronExpression cron, ZoneId zone) {
            this.job = job;
            this.cron = cron;
            this.zone = zone;
        }
    }
}
