package io.revlens.job;

import io.revlens.ingest.load.IngestProgress;
import io.revlens.ingest.load.LoadExportsStep;
import io.revlens.ingest.recognise.ProfileCatalog;
import io.revlens.report.ReportRenderer;
import java.time.LocalDate;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds the one step graph every RevLens job shares; jobs differ only by their job file
 * (inputs, thresholds, which reports):
 * {@code checkColumns → loadExports → profileData → computeMetrics → renderReports → deliverOutputs}.
 */
final class ReportJobFactory {

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final ReportRenderer renderer;
    private final TriggerMemory triggerMemory;

    ReportJobFactory(JobRepository jobRepository, PlatformTransactionManager transactionManager, ReportRenderer renderer,
                     TriggerMemory triggerMemory) {
        this.triggerMemory = triggerMemory;
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.renderer = renderer;
    }

    Job build(RunRequest request, RunInputs inputs, IngestProgress progress, LocalDate runDate) {
        // one catalog for the column check and the load: both recognise the files by it, and an earlier load is
        // kept only under its key
        ProfileCatalog catalog = ProfileCatalog.forInputs(inputs.files());
        Step checkColumns = new StepBuilder("checkColumns", jobRepository)
                .tasklet(new CheckColumnsTasklet(request, inputs, catalog), transactionManager)
                .build();
        Step loadExports = LoadExportsStep.build("loadExports", jobRepository, transactionManager,
                request.databaseFile(), inputs.files(), inputs.profileOverrides(), catalog, progress);
        Step profileData = new StepBuilder("profileData", jobRepository)
                .tasklet(new ProfileDataTasklet(request, inputs), transactionManager)
                .build();
        Step computeMetrics = new StepBuilder("computeMetrics", jobRepository)
                .tasklet(new ComputeMetricsTasklet(request, runDate, triggerMemory), transactionManager)
                .build();
        Step renderReports = new StepBuilder("renderReports", jobRepository)
                .tasklet(new RenderReportsTasklet(request, renderer), transactionManager)
                .build();
        Step deliverOutputs = new StepBuilder("deliverOutputs", jobRepository)
                .tasklet(new DeliverOutputsTasklet(request), transactionManager)
                .build();
        StepLogListener stepLog = new StepLogListener();
        JobContextCheckpoint checkpoint = new JobContextCheckpoint(jobRepository);
        for (Step step : new Step[] {checkColumns, loadExports, profileData, computeMetrics, renderReports, deliverOutputs}) {
            if (step instanceof AbstractStep abstractStep) {
                abstractStep.registerStepExecutionListener(stepLog);
                abstractStep.registerStepExecutionListener(checkpoint);
            }
        }
        return new JobBuilder(request.job().name(), jobRepository)
                .listener(new RunSummaryWriter(request, jobRepository))
                .start(checkColumns)
                .next(loadExports)
                .next(profileData)
                .next(computeMetrics)
                .next(renderReports)
                .next(deliverOutputs)
                .build();
    }
}
