package io.revlens.cli;

import io.revlens.job.HistorySchema;
import io.revlens.job.JobRunner;
import io.revlens.job.MultiClientRunner;
import io.revlens.job.RunHistory;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Entry point: parses the command line; commands that run jobs start the Spring context. Its beans are
 * imported by name rather than found by a package scan, which would read every class file of the application
 * at each start; likewise only the auto-configurations a run uses (the job history's data source and transaction
 * manager, Spring Batch's JDBC job repository) rather than every one on the classpath, whose other beans (task
 * executors and schedulers, transaction proxies, JDBC templates) nothing uses.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, DataSourceAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class, BatchJdbcAutoConfiguration.class})
@Import({JobRunner.class, RunHistory.class, MultiClientRunner.class, HistorySchema.class})
public class RevLensApplication {

    public static void main(String[] args) {
        if (Boolean.getBoolean("spring.aot.processing")) {
            // the build's ahead-of-time processing of the context (pom.xml): no command to run
            new org.springframework.boot.builder.SpringApplicationBuilder(RevLensApplication.class).logStartupInfo(false).run(args);
            return;
        }
        System.exit(RevLensCommand.execute(args, System.out, System.err));
    }
}
