package io.revlens.cli;

import io.revlens.job.HistorySchema;
import io.revlens.job.JobRunner;
import io.revlens.job.MultiClientRunner;
import io.revlens.job.RunHistory;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Entry point: parses the command line; commands that run jobs start the Spring context. Its beans are
 * imported by name rather than found by a package scan, which would read every class file of the application
 * at each start.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
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
