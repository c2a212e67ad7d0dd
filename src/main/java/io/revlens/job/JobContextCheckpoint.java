package io.revlens.job;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Saves the job's execution context (as-of date, metric list, outputs) when a step completes, so a
 * run killed in a later step resumes with what the earlier steps decided; otherwise Spring Batch
 * saves it only when the job ends, which a killed process never reaches.
 */
final class JobContextCheckpoint implements StepExecutionListener {

    private final JobRepository jobRepository;

    JobContextCheckpoint(JobRepository jobRepository) {
        this.jobRepository = jobRepository;
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (stepExecution.getStatus() == BatchStatus.COMPLETED) {
            jobRepository.updateExecutionContext(stepExecution.getJobExecution());
        }
        return stepExecution.getExitStatus();
    }
}
