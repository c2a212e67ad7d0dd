package io.revlens.job;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.core.Ordered;

/**
 * Logs each step's start and end (status, duration, rows), so a run's log shows where it is and where it stopped.
 * Ordered first, so that Spring Batch calls its {@code afterStep} last (listeners end in reverse order): the load
 * step's writer turns the counts from items into rows in its own {@code afterStep}, and the log shows rows.
 */
final class StepLogListener implements StepExecutionListener, Ordered {

    private static final Logger log = LoggerFactory.getLogger(StepLogListener.class);

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        log.info("Run {}: step {} started", stepExecution.getJobExecutionId(), stepExecution.getStepName());
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        long millis = stepExecution.getStartTime() == null ? 0
                : Duration.between(stepExecution.getStartTime(), java.time.LocalDateTime.now()).toMillis();
        log.info("Run {}: step {} {} in {} s ({} read, {} written)", stepExecution.getJobExecutionId(),
                stepExecution.getStepName(), stepExecution.getStatus(), String.format("%.1f", millis / 1000.0),
                stepExecution.getReadCount(), stepExecution.getWriteCount());
        return stepExecution.getExitStatus();
    }
}
