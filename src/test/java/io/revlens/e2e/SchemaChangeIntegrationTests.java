package io.revlens.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.revlens.model.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export that changes shape between runs (a mapped column renamed or removed) stops the next run with
 * exit code 2 and a diff of expected against found columns, before anything is loaded; accepting the change
 * loads it and remembers the new shape.
 */
class SchemaChangeIntegrationTests {

    static final String JANUARY = """
            opportunity_id,account,owner,stage,amount,created_date,close_date
            D1,Acme,Ann Lee,Closed Won,1000,2026-01-05,2026-01-20
            D2,Beta,Bo Chan,Closed Lost,500,2026-01-06,2026-01-25
            """;
    /** Amount renamed (not a known synonym) and close_date dropped: loading it would give null amounts and dates. */
    static final String FEBRUARY = """
            opportunity_id,account,owner,stage,Deal total,created_date
            D1,Acme,Ann Lee,Closed Won,1000,2026-01-05
            D2,Beta,Bo Chan,Closed Lost,500,2026-01-06
            D3,Gamma,Ann Lee,Closed Won,700,2026-02-03
            """;

    @TempDir
    Path temp;

    @Test
    void aRenamedOrMissingColumnStopsTheRunUntilAccepted() throws Exception {
        Path in = Files.createDirectories(temp.resolve("in"));
        Path deals = in.resolve("deals.csv");
        Path out = temp.resolve("out");
        Files.writeString(deals, JANUARY, StandardCharsets.UTF_8);
        CliRun first = run(in, out);
        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();

        Files.writeString(deals, FEBRUARY, StandardCharsets.UTF_8);
        CliRun changed = run(in, out);
        assertThat(changed.exitCode()).as(changed.out() + changed.err()).isEqualTo(2);
        assertThat(changed.out() + changed.err()).contains("Exports changed shape since the last run; nothing was loaded:",
                "deals.csv: columns changed since the last run (profile generic-opportunities) — missing: amount, close_date;"
                        + " new: Deal total (renamed?)",
                "Fix the export (restore the columns), or accept the new shape with --accept-schema-change.");
        // January's rows are untouched: the changed file was not loaded.
        assertThat(query(out, "select count(*), sum(amount) from opportunities")).isEqualTo("2|1500.00");

        CliRun accepted = run(in, out, "--accept-schema-change");
        assertThat(accepted.exitCode()).as(accepted.out() + accepted.err()).isZero();
        assertThat(query(out, "select count(*), count(amount) from opportunities")).isEqualTo("3|0");

        // The new shape is now the expected one: the next run goes through without the option.
        Files.writeString(deals, FEBRUARY + "D4,Delta,Bo Chan,Closed Won,300,2026-02-10\n", StandardCharsets.UTF_8);
        CliRun next = run(in, out);
        assertThat(next.exitCode()).as(next.out() + next.err()).isZero();
        assertThat(query(out, "select count(*) from opportunities")).isEqualTo("4");
    }

    private CliRun run(Path in, Path out, String... extra) {
        String[] args = {"run", "client-dump-analysis", "--input", in.toString(), "--as-of", "2026-03-31", "--out", out.toString()};
        String[] all = new String[args.length + extra.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        return CliRun.of(temp.resolve("home"), all);
    }

    private static String query(Path out, String sql) throws Exception {
        try (Connection c = Workspace.open(out.resolve("revlens.duckdb")); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.append(i > 1 ? "|" : "").append(rs.getString(i));
            }
            return row.toString();
        }
    }
}
