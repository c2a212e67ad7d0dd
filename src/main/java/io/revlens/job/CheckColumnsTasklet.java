package io.revlens.job;

import io.revlens.ingest.check.ColumnChangeCheck;
import io.revlens.ingest.load.UnchangedFiles;
import io.revlens.ingest.recognise.ProfileCatalog;
import io.revlens.model.Workspace;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Stops the run before loading when an export lost columns its profile mapped on the last run (a renamed or
 * removed column would otherwise load as nulls), listing expected against found columns; the job's
 * {@code acceptSchemaChange} (CLI {@code --accept-schema-change}) records the new shape and goes on.
 */
final class CheckColumnsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(CheckColumnsTasklet.class);

    private final RunRequest request;
    private final RunInputs inputs;
    private final ProfileCatalog catalog;

    CheckColumnsTasklet(RunRequest request, RunInputs inputs, ProfileCatalog catalog) {
        this.request = request;
        this.inputs = inputs;
        this.catalog = catalog;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        List<Path> files = inputs.files();
        boolean accept = request.job().acceptSchemaChange();
        java.util.Set<Path> unchanged = UnchangedFiles.of(request.databaseFile(), catalog, files, inputs.profileOverrides());
        List<ColumnChangeCheck.Change> changes;
        try (Connection connection = Workspace.open(request.databaseFile())) {
            changes = ColumnChangeCheck.check(connection, files, inputs.profileOverrides(), catalog, accept, unchanged);
        }
        if (changes.isEmpty()) {
            return RepeatStatus.FINISHED;
        }
        String list = String.join("\n  ", changes.stream().map(ColumnChangeCheck.Change::describe).toList());
        if (accept) {
            log.warn("Accepted changed columns (--accept-schema-change):\n  {}", list);
            return RepeatStatus.FINISHED;
        }
        throw new BadInputException("Exports changed shape since the last run; nothing was loaded:\n  " + list
                + "\nFix the export (restore the columns), or accept the new shape with --accept-schema-change.");
    }
}
