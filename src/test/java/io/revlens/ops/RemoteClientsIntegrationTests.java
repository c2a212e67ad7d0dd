package io.revlens.ops;

import io.revlens.e2e.CliRun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run-clients --remote} with worker processes on this machine, through a real RabbitMQ
 * ({@code REVLENS_TEST_BROKER_URL}) and a real PostgreSQL job history ({@code REVLENS_TEST_PG_URL},
 * {@code REVLENS_TEST_PG_USER}, {@code REVLENS_TEST_PG_PASSWORD}); {@code .ci/run} starts both. Each test uses
 * its own schema and its own queue.
 */
class RemoteClientsIntegrationTests {

    private static final Pattern STARTED = Pattern.compile("client (\\S+) started");

    @TempDir
    Path temp;

    private TestPostgresSchema schema;
    private Map<String, String> shared;
    private String queue;
    private final List<RevLensProcess> processes = new ArrayList<>();

    @BeforeEach
    void createSchemaAndQueueName() throws Exception {
        String broker = System.getenv("REVLENS_TEST_BROKER_URL");
        assumeTrue(broker != null && !broker.isBlank(), "REVLENS_TEST_BROKER_URL is not set (e.g."
                + " amqp://guest:guest@localhost:5672); .ci/run starts RabbitMQ and sets it");
        schema = TestPostgresSchema.createOrSkip("revlens_remote");
        queue = "revlens.test." + schema.name();
        shared = new HashMap<>(schema.historyProperties());
        shared.put("revlens.broker.url", broker);
    }

    @AfterEach
    void stopProcessesAndDropSchema() throws Exception {
        for (RevLensProcess process : processes) {
            process.killHard();
        }
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void twelveClientsOnThreeWorkersSurviveAWorkerKilledMidClientAndMatchALocalRun() throws Exception {
        Path clients = temp.resolve("clients");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String name = String.format("client%02d", i);
            names.add(name);
            // Each client a little different (its last i deals dropped), so that outputs swapped between clients show.
            copySample(clients.resolve(name), i);
        }
        Path work = temp.resolve("work");
        List<RevLensProcess> workers = new ArrayList<>();
        for (int w = 1; w <= 3; w++) {
            workers.add(worker(w, work));
        }
        Path out = temp.resolve("out-remote");
        RevLensProcess manager = start(temp.resolve("manager.log"), "run-clients", "monthly-board-report", "--remote",
                "--queue", queue, "--clients", clients.toString(), "--out", out.toString(), "--as-of", "2026-10-31");

        // Kill the first worker seen holding a client (SIGKILL: no acknowledgement, no clean-up).
        RevLensProcess victim = null;
        String held = null;
        long deadline = System.nanoTime() + RevLensProcess.PATIENCE.toNanos();
        while (victim == null && System.nanoTime() < deadline) {
            for (RevLensProcess worker : workers) {
                Matcher started = STARTED.matcher(worker.output());
                if (started.find()) {
                    victim = worker;
                    held = started.group(1);
                    break;
                }
            }
            Thread.sleep(20);
        }
        assertThat(victim).as(manager.output()).isNotNull();
        victim.killHard();
        assertThat(victim.output()).doesNotContain("client " + held + " completed");

        assertThat(manager.waitForExit()).as(manager.output() + logs(workers)).isZero();
        assertThat(manager.output()).contains("12 client(s): 12 completed, 0 failed");
        for (String name : names) {
            assertThat(line(manager.output(), name)).contains("completed");
            assertThat(out.resolve(name).resolve("board-report.pdf")).isRegularFile();
            // the database stays in the worker's working folder; only the outputs are copied
            assertThat(out.resolve(name).resolve("revlens.duckdb")).doesNotExist();
        }
        // The killed worker's client was completed by another worker.
        long survivorsStarts = 0;
        for (RevLensProcess worker : workers) {
            if (worker != victim) {
                survivorsStarts += count(worker.output(), "client " + held + " started");
            }
        }
        assertThat(survivorsStarts).as(logs(workers)).isEqualTo(1);
        assertThat(clientRunStatuses()).as("every client's own run in the shared history").containsOnlyKeys(
                names.stream().map(n -> work.resolve(n).toAbsolutePath().toString()).toArray(String[]::new))
                .allSatisfy((client, status) -> assertThat(status).isEqualTo("COMPLETED"));

        // The same clients without --remote give byte-identical metric tables.
        Path local = temp.resolve("out-local");
        CliRun here = CliRun.of(temp.resolve("home-local"), "run-clients", "monthly-board-report", "--clients",
                clients.toString(), "--out", local.toString(), "--as-of", "2026-10-31", "--threads", "2");
        assertThat(here.exitCode()).as(here.out() + here.err()).isZero();
        for (String name : names) {
            List<Path> csvs;
            try (Stream<Path> files = Files.list(local.resolve(name).resolve("metrics"))) {
                csvs = files.sorted().toList();
            }
            assertThat(csvs).hasSizeGreaterThan(20);
            for (Path csv : csvs) {
                assertThat(Files.readAllBytes(out.resolve(name).resolve("metrics").resolve(csv.getFileName())))
                        .as(name + "/" + csv.getFileName()).isEqualTo(Files.readAllBytes(csv));
            }
        }
        // The clients differ (each leaves out other deals), so outputs written under the wrong client would show.
        assertThat(allCsvs(out.resolve("client00").resolve("metrics"))).isNotEqualTo(allCsvs(out.resolve("client11").resolve("metrics")));
    }

    @Test
    void aRerunOfTheManagerSendsOnlyTheClientsThatDidNotComplete() throws Exception {
        Path clients = temp.resolve("clients");
        copySample(clients.resolve("acme"), 0);
        copySample(clients.resolve("beta"), 1);
        Files.createDirectories(clients.resolve("delta")); // no exports: fails alone
        RevLensProcess worker = worker(1, temp.resolve("work"));
        Path out = temp.resolve("out");
        String[] command = {"run-clients", "monthly-board-report", "--remote", "--queue", queue, "--clients",
                clients.toString(), "--out", out.toString(), "--as-of", "2026-10-31"};

        RevLensProcess first = start(temp.resolve("first.log"), command);
        assertThat(first.waitForExit()).as(first.output() + worker.output()).isEqualTo(6);
        assertThat(line(first.output(), "acme")).contains("completed");
        assertThat(line(first.output(), "beta")).contains("completed");
        assertThat(line(first.output(), "delta")).contains("FAILED").contains("delta");

        copySample(clients.resolve("delta"), 2);
        RevLensProcess second = start(temp.resolve("second.log"), command);
        assertThat(second.waitForExit()).as(second.output() + worker.output()).isZero();
        assertThat(line(second.output(), "acme")).contains("unchanged");
        assertThat(line(second.output(), "beta")).contains("unchanged");
        assertThat(line(second.output(), "delta")).contains("completed");
        assertThat(count(worker.output(), "client acme started")).isEqualTo(1);
        assertThat(count(worker.output(), "client delta started")).isEqualTo(2);
        assertThat(out.resolve("delta").resolve("board-report.pdf")).isRegularFile();
    }

    @Test
    void sigtermLetsTheRunningClientFinishAndLeavesTheRestToAnotherWorker() throws Exception {
        Path clients = temp.resolve("clients");
        copySample(clients.resolve("acme"), 0);
        copySample(clients.resolve("beta"), 1);
        Path work = temp.resolve("work");
        RevLensProcess first = worker(1, work);
        RevLensProcess manager = start(temp.resolve("manager.log"), "run-clients", "monthly-board-report", "--remote",
                "--queue", queue, "--clients", clients.toString(), "--out", temp.resolve("out").toString(),
                "--as-of", "2026-10-31");
        assertThat(first.awaitOutput(o -> STARTED.matcher(o).find())).as(first.output()).isTrue();
        Matcher started = STARTED.matcher(first.output());
        assertThat(started.find()).isTrue();
        String held = started.group(1);

        assertThat(first.terminate()).as(first.output()).isZero();
        assertThat(first.output()).contains("client " + held + " completed").contains("worker stopped");
        assertThat(STARTED.matcher(first.output()).results().count()).as(first.output()).isEqualTo(1);

        RevLensProcess second = worker(2, work);
        assertThat(manager.waitForExit()).as(manager.output() + first.output() + second.output()).isZero();
        assertThat(manager.output()).contains("2 client(s): 2 completed, 0 failed");
        assertThat(second.output()).doesNotContain("client " + held + " started");
    }

    @Test
    void withoutABrokerTheManagerSaysWhatToSetAndRunsNothing() throws Exception {
        Path clients = temp.resolve("clients");
        copySample(clients.resolve("acme"), 0);
        Map<String, String> noBroker = new HashMap<>(shared);
        noBroker.put("revlens.broker.url", "amqp://guest:guest@localhost:1");
        CliRun run = CliRun.of(temp.resolve("home"), noBroker, "run-clients", "monthly-board-report", "--remote",
                "--clients", clients.toString(), "--out", temp.resolve("out").toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("Cannot reach the message broker at amqp://localhost:1")
                .contains("REVLENS_BROKER_URL").doesNotContain("\tat ");
        assertThat(temp.resolve("out").resolve("acme")).doesNotExist();
    }

    private RevLensProcess worker(int number, Path work) throws Exception {
        RevLensProcess worker = start(temp.resolve("worker-" + number + ".log"), "worker", "--queue", queue,
                "--work", work.toString());
        assertThat(worker.awaitOutput(o -> o.contains("waiting for clients"))).as(worker.output()).isTrue();
        return worker;
    }

    private RevLensProcess start(Path log, String... args) throws Exception {
        RevLensProcess process = RevLensProcess.start(temp.resolve("home-" + log.getFileName()), log, shared, args);
        processes.add(process);
        return process;
    }

    /** The last status of each client's own job run in the shared history, by its working folder. */
    private Map<String, String> clientRunStatuses() throws Exception {
        Map<String, String> statuses = new HashMap<>();
        try (Connection connection = schema.connect();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     select p.parameter_value, e.status
                     from batch_job_execution e
                     join batch_job_instance i on i.job_instance_id = e.job_instance_id
                     join batch_job_execution_params p on p.job_execution_id = e.job_execution_id and p.parameter_name = 'out'
                     where i.job_name = 'monthly-board-report'
                     order by e.job_execution_id""")) {
            while (rs.next()) {
                statuses.put(rs.getString(1), rs.getString(2));
            }
        }
        return statuses;
    }

    private static String logs(List<RevLensProcess> processes) throws Exception {
        StringBuilder all = new StringBuilder();
        for (RevLensProcess process : processes) {
            all.append("\n--- worker ---\n").append(process.output());
        }
        return all.toString();
    }

    private static long count(String text, String needle) {
        return text.lines().filter(l -> l.contains(needle)).count();
    }

    private static String line(String output, String client) {
        return output.lines().filter(l -> l.strip().startsWith(client + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no summary line for " + client + " in:\n" + output));
    }

    /** The sample company's exports, with the last {@code dropDeals} deals left out. */
    private static void copySample(Path target, int dropDeals) throws Exception {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(Path.of("sample-data"))) {
            for (Path file : files.filter(f -> !f.getFileName().toString().endsWith(".md")).toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        Path deals = target.resolve("hubspot-deals.csv");
        List<String> lines = Files.readAllLines(deals, StandardCharsets.UTF_8);
        Files.write(deals, lines.subList(0, lines.size() - dropDeals), StandardCharsets.UTF_8);
    }

    /** Every CSV of a metrics folder, by name. */
    private static Map<String, String> allCsvs(Path metrics) throws Exception {
        Map<String, String> csvs = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.list(metrics)) {
            for (Path csv : files.toList()) {
                csvs.put(csv.getFileName().toString(), Files.readString(csv));
            }
        }
        return csvs;
    }
}
