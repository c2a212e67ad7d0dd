package io.revlens.job;

import io.revlens.model.Workspace;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Stops a run whose currency no loaded row is in while rows in another currency are (a EUR job on dollar data
 * would print EUR 0 revenue, in green): metrics never convert or mix currencies, so they would all be empty.
 * Also stops, unless the currency was chosen for the run ({@code --currency}), when most of a table's rows are in
 * other currencies: the job file's USD on an Australian company's invoices would describe its few dollar invoices
 * as the whole company ("one customer is 100% of revenue"). Rows that name no currency are taken to be in the run's
 * currency and count as matching.
 */
final class CurrencyGuard {

    private CurrencyGuard() {
    }

    /** @throws BadInputException naming the currencies found, their row counts and how to choose one */
    static void check(Connection connection, String runCurrency, boolean chosen, String jobFile) throws SQLException {
        if (runCurrency == null) {
            return;
        }
        Map<String, Map<String, Long>> rows = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(Workspace.readResource("sql/job/rows_by_currency.sql"))) {
            while (rs.next()) {
                rows.computeIfAbsent(rs.getString(1), c -> new LinkedHashMap<>()).put(rs.getString(2), rs.getLong(3));
            }
        }
        String wanted = runCurrency.toUpperCase(Locale.ROOT);
        if (!chosen) {
            checkMajority(rows, wanted, jobFile);
        }
        if (rows.isEmpty() || rows.containsKey(wanted) || rows.containsKey("")) {
            return;
        }
        StringBuilder found = new StringBuilder();
        String largest = null;
        long most = -1;
        for (Map.Entry<String, Map<String, Long>> currency : rows.entrySet()) {
            long total = currency.getValue().values().stream().mapToLong(Long::longValue).sum();
            if (total > most) {
                most = total;
                largest = currency.getKey();
            }
            found.append(found.isEmpty() ? "" : "; ").append(currency.getKey()).append(' ')
                    .append(String.format(Locale.ROOT, "%,d", total)).append(" rows (");
            found.append(String.join(", ", currency.getValue().entrySet().stream()
                    .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%,d", e.getValue())).toList())).append(')');
        }
        throw new BadInputException("No loaded row is in " + wanted + ", the run's currency"
                + (jobFile == null ? "" : " (" + jobFile + ")") + "; the exports hold " + found
                + ". Metrics never mix or convert currencies, so every figure would be empty: run again with"
                + " --currency " + largest + ", or set currency: " + largest + " in the job file.");
    }

    /** Stops when a table's rows in other currencies outnumber those in the run's currency (or naming none). */
    private static void checkMajority(Map<String, Map<String, Long>> rows, String wanted, String jobFile) {
        Map<String, Long> matching = new LinkedHashMap<>();
        Map<String, Map<String, Long>> others = new LinkedHashMap<>();
        rows.forEach((currency, byTable) -> byTable.forEach((table, count) -> {
            if (currency.equals(wanted) || currency.isEmpty()) {
                matching.merge(table, count, Long::sum);
            } else {
                others.computeIfAbsent(table, t -> new LinkedHashMap<>()).put(currency, count);
            }
        }));
        for (Map.Entry<String, Map<String, Long>> table : others.entrySet()) {
            long mine = matching.getOrDefault(table.getKey(), 0L);
            long theirs = table.getValue().values().stream().mapToLong(Long::longValue).sum();
            if (mine == 0 || theirs <= mine) {
                continue;
            }
            String largest = table.getValue().entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            String found = String.join(", ", table.getValue().entrySet().stream()
                    .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%,d", e.getValue())).toList());
            throw new BadInputException("Only " + String.format(Locale.ROOT, "%,d", mine) + " of "
                    + String.format(Locale.ROOT, "%,d", mine + theirs) + " " + table.getKey() + " are in " + wanted
                    + ", the run's currency" + (jobFile == null ? "" : " (" + jobFile + ")") + "; "
                    + String.format(Locale.ROOT, "%,d", theirs) + " are in other currencies (" + found + ")."
                    + " Metrics never mix or convert currencies, so every figure would describe the " + wanted
                    + " rows alone as if they were the whole company: run again with --currency " + largest
                    + ", or with --currency " + wanted + " to report only the " + wanted + " rows.");
        }
    }
}
