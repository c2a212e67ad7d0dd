package io.revlens.model;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * How a table leaves the database (a CSV file, a workbook sheet): its columns in table order, with the lineage
 * column {@code source_file_id} written as {@code source_file}, the file's path relative to its input folder (a
 * {@code file} column beside it, the same file by absolute path, is left out).
 * {@code source_file_id} is the database's internal key; it changes when a file is loaded again (a restart, a
 * rerun), so an output carrying it would differ between two runs over the same files.
 *
 * <p>Row order: a table's SQL states its order ({@code order by} in its file), which DuckDB keeps on insert. A
 * relation with lineage (row-level tables: {@code revenue_events}, {@code opportunity_progress}, {@code rejects})
 * is written in lineage order, file then row, whatever order its rows were inserted in (a restarted load inserts
 * a file's chunks again), so that identical inputs give identical outputs.
 */
public final class OutputQuery {

    private static final String SCHEMA_COLUMNS = SqlScript.loadOne("sql/model/schema_columns.sql");
    private static final String OF_TABLE = SqlScript.loadOne("sql/model/output_of_table.sql");
    private static final String OF_LINEAGE_TABLE = SqlScript.loadOne("sql/model/output_of_lineage_table.sql");

    private OutputQuery() {
    }

    /**
     * The columns of every table and view this connection sees in its schema, by table, in table order, with their
     * DuckDB types: one catalog read for a writer of many tables, where each read costs several milliseconds.
     */
    public static Map<String, List<String[]>> describeAll(Connection connection) throws SQLException {
        Map<String, List<String[]>> described = new java.util.HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(SCHEMA_COLUMNS);
             ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                described.computeIfAbsent(rs.getString(1), t -> new ArrayList<>())
                        .add(new String[]{rs.getString(2), rs.getString(3)});
            }
        }
        return described;
    }

    /**
     * The select statement that writes {@code table}, from the columns {@link #describeAll} read.
     *
     * @param valueOf how a column's value is written, given its quoted name and DuckDB type
     *                (e.g. the CSV text rules); returns the select expression
     */
    public static String of(Map<String, List<String[]>> schema, String table, BiFunction<String, String, String> valueOf)
            throws SQLException {
        if (!table.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        List<String[]> described = schema.getOrDefault(table, List.of());
        boolean lineage = described.stream().anyMatch(c -> c[0].equals("source_file_id"));
        List<String> names = described.stream().map(c -> c[0]).toList();
        List<String> columns = new ArrayList<>();
        for (String[] column : described) {
            if (column[0].equals("source_file_id")) {
                columns.add(valueOf.apply("\"source_file\"", "VARCHAR"));
            } else if (!(lineage && column[0].equals("file"))) { // rejects.file: the same file, by absolute path
                columns.add(valueOf.apply("\"" + column[0].replace("\"", "\"\"") + "\"", column[1]));
            }
        }
        if (columns.isEmpty()) {
            throw new SQLException("no table " + table + " to write");
        }
        if (!lineage) {
            return SqlScript.fill(OF_TABLE, Map.of("columns", String.join(", ", columns), "table", table));
        }
        List<String> keys = new ArrayList<>(List.of("source_file"));
        keys.addAll(names.stream().filter(n -> List.of("source_row", "row_number", "column_name", "stage_index").contains(n)).toList());
        // then every column, so that even rows equal on file and row come out in one order
        for (int position = 1; position <= columns.size(); position++) {
            keys.add(String.valueOf(position));
        }
        return SqlScript.fill(OF_LINEAGE_TABLE, Map.of("columns", String.join(", ", columns), "table", table,
                "order", String.join(" nulls first, ", keys) + " nulls first"));
    }
}
