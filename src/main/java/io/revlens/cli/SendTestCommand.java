package io.revlens.cli;

import io.revlens.job.JobDefinition;
import io.revlens.job.JobDefinitionLoader;
import io.revlens.job.ReportEmail;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code revlens send-test <job>}: checks a job's e-mail settings by sending a test message, before a run needs them. */
@Command(name = "send-test", mixinStandardHelpOptions = true,
        description = "Send a test message with the job's e-mail settings (server, sender, recipients), without running it.")
class SendTestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<job>")
    String jobName;

    @Option(names = "--jobs", paramLabel = "DIR", description = "Folder of job files (default: jobs/).")
    Path jobsFolder;

    @Override
    public Integer call() throws Exception {
        Path jobs = jobsFolder != null ? jobsFolder.toAbsolutePath().normalize() : ProjectPaths.detect().jobs();
        JobDefinition job = new JobDefinitionLoader(jobs).load(jobName);
        spec.commandLine().getOut().println("Test message sent to " + ReportEmail.sendTest(job));
        return ExitCodes.SUCCESS;
    }
}
