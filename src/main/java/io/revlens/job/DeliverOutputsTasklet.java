package io.revlens.job;

import io.revlens.delivery.DeliveryException;
import io.revlens.delivery.OutputCopier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Delivers a run's outputs: copies the documents, metric CSVs and rejects to the run's own folder
 * ({@code <out>/<as-of>/}, or {@code <delivery folder>/<job>/<as-of>/}) and, when the job file asks
 * for it, e-mails the PDFs and workbook with the headline (ReportEmail). A failed e-mail fails only this step: the outputs stay, and a restart
 * sends it again.
 */
final class DeliverOutputsTasklet implements Tasklet {

    static final String DELIVERY_FOLDER = "delivery_folder";
    static final String EMAIL_RESULT = "delivery_email";

    private final RunRequest request;

    DeliverOutputsTasklet(RunRequest request) {
        this.request = request;
    }

    /** Where this run's outputs are copied. */
    static Path folder(RunRequest request, String asOf) {
        Path root = request.job().delivery().folder();
        return root == null ? request.outDir().resolve(asOf) : root.resolve(request.job().name()).resolve(asOf);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        var jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        ExecutionContext jobContext = jobExecution.getExecutionContext();
        String asOf = jobContext.getString(ComputeMetricsTasklet.AS_OF_DATE);
        List<Path> documents = jobContext.containsKey(RenderReportsTasklet.OUTPUTS)
                ? Arrays.stream(jobContext.getString(RenderReportsTasklet.OUTPUTS).split("\n"))
                        .filter(s -> !s.isBlank()).map(Path::of).toList()
                : List.of();
        Path folder = folder(request, asOf);
        List<Path> files = new ArrayList<>(documents);
        files.add(request.rejectsCsv());
        OutputCopier.copy(files, List.of(request.metricsDir()), folder);
        jobContext.putString(DELIVERY_FOLDER, folder.toString());
        contribution.incrementWriteCount(files.size());

        JobDefinition.Email email = request.job().delivery().email();
        if (email != null) {
            // the reports and, for a packet, its workbook: everything the run rendered for people to read
            List<Path> readable = documents.stream().filter(p -> p.getFileName().toString().matches(".*\\.(pdf|xlsx)")).toList();
            JobDefinition job = request.job();
            String subject = (email.subject() == null ? "{company}: {job} as of {as_of}" : email.subject())
                    .replace("{company}", job.company()).replace("{job}", job.name()).replace("{as_of}", asOf);
            String stale = jobContext.containsKey(ComputeMetricsTasklet.DATA_STALE)
                    ? jobContext.getString(ComputeMetricsTasklet.DATA_STALE) : null;
            ReportEmail body = ReportEmail.of(request, asOf, stale, email.attach() ? readable : List.of(), folder,
                    jobExecution.getId());
            try {
                ReportEmail.send(email, subject, body, email.attach() ? readable : List.of());
                jobContext.putString(EMAIL_RESULT, "sent to " + String.join(", ", email.to()));
            } catch (DeliveryException e) {
                String message = e.getMessage().replace("restart <id>", "restart " + jobExecution.getId());
                jobContext.putString(EMAIL_RESULT, "FAILED: " + message);
                // No cause: the message already names the server and the reason, and it is what the run reports.
                throw new DeliveryException(message, null);
            }
        }
        return RepeatStatus.FINISHED;
    }
}
