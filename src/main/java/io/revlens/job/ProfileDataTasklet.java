package io.revlens.job;

import io.revlens.ingest.check.DataQualityProfiler;
import io.revlens.ingest.load.ExcludedFiles;
import io.revlens.ingest.load.VanishedFiles;
import io.revlens.ingest.check.OverlapResolver;
import io.revlens.ingest.check.ReferenceResolver;
import io.revlens.ingest.load.RelativePaths;
import io.revlens.model.Workspace;
import java.sql.Connection;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Resolves overlapping exports (the later one wins), replaces person names with pseudonyms when the job asks,
 * then builds the data-quality profile of the loaded tables (null rates, duplicates, orphans, currencies). Kept as
 * it is when the data and the run's inputs are those it was last built from ({@link ProfileState}).
 */
final class ProfileDataTasklet implements Tasklet {

    /** Set in the job's context when the loaded data was already profiled with the same inputs ({@link ProfileState}). */
    static final String PROFILE_REUSED = "profile_reused";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ProfileDataTasklet.class);

    private final RunRequest request;
    private final RunInputs inputs;

    ProfileDataTasklet(RunRequest request, RunInputs inputs) {
        this.request = request;
        this.inputs = inputs;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        ExecutionContext jobContext = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
        try (Connection connection = Workspace.open(request.databaseFile())) {
            if (ProfileState.current(connection, ProfileState.key(connection, request, inputs))) {
                // Every file was kept as loaded and the run's inputs are the same: the data is as this step left it.
                jobContext.putString(PROFILE_REUSED, "true");
                log.info("Data profile unchanged: kept the profile of the same loaded data");
                return RepeatStatus.FINISHED;
            }
            jobContext.remove(PROFILE_REUSED);
            ProfileState.forget(connection);
            // The database holds exactly this run's input: files gone from the folders leave it, excluded ones too.
            java.util.List<java.nio.file.Path> folders = request.job().inputs().stream().map(JobDefinition.Input::path).toList();
            java.util.List<java.nio.file.Path> present = new java.util.ArrayList<>(inputs.files());
            present.addAll(inputs.excluded().keySet());
            present.addAll(inputs.refused().keySet());
            VanishedFiles.remove(connection, present, folders);
            ExcludedFiles.record(connection, inputs.excluded());
            ExcludedFiles.recordRefused(connection, inputs.refused());
            VanishedFiles.recordFolders(connection, folders);
            RelativePaths.assign(connection, folders);
            OverlapResolver.resolve(connection);
            ReferenceResolver.resolve(connection);
            if (request.job().pseudonymise()) {
                PeoplePseudonymiser.apply(connection);
            }
            DataQualityProfiler.profile(connection);
            ProfileState.remember(connection, ProfileState.key(connection, request, inputs));
        }
        return RepeatStatus.FINISHED;
    }
}
