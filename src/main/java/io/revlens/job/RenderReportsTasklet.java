package io.revlens.job;

import io.revlens.model.Workspace;
import io.revlens.report.ReportContext;
import io.revlens.report.ReportRenderer;
import io.revlens.report.XlsxWorkbookWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Renders the job's PDF reports (and its Excel workbook) from the metric tables. */
final class RenderReportsTasklet implements Tasklet {

    static final String OUTPUTS = "outputs";

    private final RunRequest request;
    private final ReportRenderer renderer;

    RenderReportsTasklet(RunRequest request, ReportRenderer renderer) {
        this.request = request;
        this.renderer = renderer;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        ExecutionContext jobContext = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
        LocalDate asOf = LocalDate.parse(jobContext.getString(ComputeMetricsTasklet.AS_OF_DATE));
        String basis = jobContext.getString(ComputeMetricsTasklet.AS_OF_BASIS);
        JobDefinition job = request.job();
        ReportContext context = new ReportContext(job.company(), job.currency(), asOf,
                "As of " + asOf + " (" + basis + ")", OffsetDateTime.now(), job.name());
        List<String> outputs = new ArrayList<>();
        try (Connection connection = Workspace.open(request.databaseFile())) {
            for (JobDefinition.ReportOutput report : job.reports()) {
                Path pdf = request.outDir().resolve(report.output() + ".pdf");
                renderer.render(connection, report.template(), context, pdf);
                outputs.add(pdf.toString());
            }
            if (job.workbook()) {
                Path xlsx = request.outDir().resolve(job.name() + ".xlsx");
                XlsxWorkbookWriter.write(connection, MetricTables.listed(jobContext), xlsx);
                outputs.add(xlsx.toString());
            }
        }
        jobContext.putString(OUTPUTS, String.join("\n", outputs));
        contribution.incrementWriteCount(outputs.size());
        return RepeatStatus.FINISHED;
    }
}
