package io.revlens.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.revlens.cli.RevLensCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A job file's inputs must stay inside the project folder or the configured input roots. */
class InputRootsTests {

    @TempDir
    Path temp;

    Path project;
    Path jobs;

    @BeforeEach
    void project() throws Exception {
        project = Files.createDirectories(temp.resolve("project"));
        jobs = Files.createDirectories(project.resolve("jobs"));
        Files.createDirectories(project.resolve("exports"));
        Files.createDirectories(temp.resolve("elsewhere"));
    }

    @AfterEach
    void clearRoots() {
        System.clearProperty(InputRoots.PROPERTY);
    }

    private void job(String name, String inputPath) throws Exception {
        Files.writeString(jobs.resolve(name + ".yml"), "inputs: [{path: '" + inputPath + "'}]\nreports: [{template: board-monthly}]\n");
    }

    @Test
    void inputsInsideTheProjectAreAllowed() throws Exception {
        job("ok", "../exports");
        assertThat(new JobDefinitionLoader(jobs).load("ok").inputs()).singleElement()
                .satisfies(input -> assertThat(input.path()).isEqualTo(project.resolve("exports").toAbsolutePath()));
    }

    @Test
    void absolutePathsAndParentEscapesOutsideTheProjectAreRefused() throws Exception {
        job("etc", "/etc");
        assertThatThrownBy(() -> new JobDefinitionLoader(jobs).load("etc"))
                .isInstanceOf(JobDefinitionException.class)
                .hasMessageContaining("inputs: /etc resolves to /etc, outside the allowed input roots [" + project.toRealPath() + "]")
                .hasMessageContaining("add their folder to REVLENS_INPUT_ROOTS, or name it on the command line with --input");
        job("up", "../../elsewhere");
        assertThatThrownBy(() -> new JobDefinitionLoader(jobs).load("up"))
                .isInstanceOf(JobDefinitionException.class)
                .hasMessageContaining("inputs: ../../elsewhere resolves to " + temp.resolve("elsewhere").toAbsolutePath()
                        + ", outside the allowed input roots");
    }

    @Test
    void aSymbolicLinkInsideTheProjectDoesNotOpenAWayOut() throws Exception {
        Files.createSymbolicLink(project.resolve("link"), temp.resolve("elsewhere"));
        job("link", "../link");
        assertThatThrownBy(() -> new JobDefinitionLoader(jobs).load("link"))
                .isInstanceOf(JobDefinitionException.class)
                .hasMessageContaining("outside the allowed input roots");
    }

    @Test
    void configuredRootsAreAllowed() throws Exception {
        System.setProperty(InputRoots.PROPERTY, temp.resolve("elsewhere").toString());
        job("configured", "../../elsewhere");
        assertThat(new JobDefinitionLoader(jobs).load("configured").inputs()).singleElement()
                .satisfies(input -> assertThat(input.path()).isEqualTo(temp.resolve("elsewhere").toAbsolutePath()));
    }

    @Test
    void theCommandLineRefusesSuchAJobWithExitCode3() throws Exception {
        job("etc", "/etc");
        String previous = System.getProperty("revlens.project");
        System.setProperty("revlens.project", project.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            int code = RevLensCommand.execute(new String[] {"validate", "etc"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(code).isEqualTo(3);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("inputs: /etc resolves to /etc, outside the allowed input roots");
        } finally {
            if (previous == null) {
                System.clearProperty("revlens.project");
            } else {
                System.setProperty("revlens.project", previous);
            }
        }
    }
}
