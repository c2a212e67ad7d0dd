package io.revlens.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The canonical tables ingest can load (their DDL in sql/schema/canonical.sql), with the business columns a profile may map and their types. */
public enum CanonicalTable {

    OPPORTUNITIES("opportunities", List.of("opportunity_id"),
            col("opportunity_id", ColumnType.TEXT), col("opportunity_name", ColumnType.TEXT),
            col("account_name", ColumnType.TEXT), col("rep_name", ColumnType.TEXT),
            col("stage", ColumnType.TEXT), col("amount", ColumnType.AMOUNT), col("currency", ColumnType.TEXT),
            col("created_date", ColumnType.DATE), col("close_date", ColumnType.DATE),
            col("status", ColumnType.TEXT), col("source", ColumnType.TEXT), col("opportunity_type", ColumnType.TEXT),
            col("lost_reason", ColumnType.TEXT), col("product", ColumnType.TEXT), col("segment", ColumnType.TEXT),
            col("account_id", ColumnType.TEXT), col("rep_id", ColumnType.TEXT), col("lead_id", ColumnType.TEXT),
            col("probability", ColumnType.TEXT), col("forecast_category", ColumnType.TEXT),
            col("last_stage_change_date", ColumnType.DATE), col("pipeline", ColumnType.TEXT)),
    ACCOUNTS("accounts", List.of("account_name"),
            col("account_id", ColumnType.TEXT), col("account_name", ColumnType.TEXT), col("segment", ColumnType.TEXT),
            col("industry", ColumnType.TEXT), col("country", ColumnType.TEXT), col("region", ColumnType.TEXT),
            col("employees", ColumnType.INTEGER), col("annual_revenue", ColumnType.AMOUNT),
            col("parent_account", ColumnType.TEXT)),
    REPS("reps", List.of("rep_name"),
            col("rep_id", ColumnType.TEXT), col("rep_name", ColumnType.TEXT), col("role", ColumnType.TEXT),
            col("hire_date", ColumnType.DATE), col("end_date", ColumnType.DATE), col("manager", ColumnType.TEXT),
            col("region", ColumnType.TEXT), col("quarterly_quota", ColumnType.AMOUNT)),
    LEADS("leads", List.of("created_date"),
            col("lead_id", ColumnType.TEXT), col("created_date", ColumnType.DATE), col("mql_date", ColumnType.DATE),
            col("sql_date", ColumnType.DATE), col("converted_opportunity_id", ColumnType.TEXT),
            col("source", ColumnType.TEXT), col("status", ColumnType.TEXT), col("opportunity_date", ColumnType.DATE),
            col("customer_date", ColumnType.DATE)),
    REVENUE_LINES("revenue_lines", List.of("line_date", "amount"),
            col("document_number", ColumnType.TEXT), col("customer_name", ColumnType.TEXT),
            col("line_date", ColumnType.DATE), col("amount", ColumnType.AMOUNT),
            col("quantity", ColumnType.QUANTITY), col("product", ColumnType.TEXT), col("currency", ColumnType.TEXT),
            col("is_credit", ColumnType.BOOLEAN), col("tax_amount", ColumnType.AMOUNT),
            col("document_total", ColumnType.AMOUNT), col("tax_basis", ColumnType.TEXT)),
    USERS("users", List.of("user_id"),
            col("user_id", ColumnType.TEXT), col("user_name", ColumnType.TEXT), col("email", ColumnType.TEXT),
            col("title", ColumnType.TEXT), col("department", ColumnType.TEXT), col("is_active", ColumnType.BOOLEAN)),
    STAGE_CHANGES("stage_changes", List.of("opportunity_id", "stage", "entered_date"),
            col("opportunity_id", ColumnType.TEXT), col("stage", ColumnType.TEXT), col("entered_date", ColumnType.DATE),
            col("opportunity_name", ColumnType.TEXT)),
    /** Calls, meetings, e-mails and tasks: what a rep did, on which day, about which deal or account. */
    ACTIVITIES("activities", List.of("activity_date"),
            col("activity_id", ColumnType.TEXT), col("activity_type", ColumnType.TEXT),
            col("activity_date", ColumnType.DATE), col("rep_name", ColumnType.TEXT), col("rep_id", ColumnType.TEXT),
            col("related_to", ColumnType.TEXT), col("opportunity_id", ColumnType.TEXT),
            col("account_name", ColumnType.TEXT), col("status", ColumnType.TEXT), col("outcome", ColumnType.TEXT),
            col("subject", ColumnType.TEXT));

    /** How a canonical column's raw value is coerced. */
    public enum ColumnType { TEXT, DATE, AMOUNT, QUANTITY, INTEGER, BOOLEAN }

    /** One canonical column. */
    public record Column(String name, ColumnType type) {
    }

    private final String tableName;
    private final List<String> requiredColumns;
    private final List<Column> columns;

    CanonicalTable(String tableName, List<String> requiredColumns, Column... columns) {
        this.tableName = tableName;
        this.requiredColumns = requiredColumns;
        this.columns = List.of(columns);
    }

    private static Column col(String name, ColumnType type) {
        return new Column(name, type);
    }

    /** The DuckDB table name. */
    public String tableName() {
        return tableName;
    }

    /** Columns that must have a value for a row to load. */
    public List<String> requiredColumns() {
        return requiredColumns;
    }

    /** The business columns (lineage columns source_file_id/source_row are added by the writer). */
    public List<Column> columns() {
        return columns;
    }

    /** Position of a column in {@link #columns()}, or -1. */
    public int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        return -1;
    }

    /** The table for a profile's {@code kind} (its table name, case-insensitive). */
    public static Optional<CanonicalTable> forKind(String kind) {
        if (kind == null) {
            return Optional.empty();
        }
        String wanted = kind.toLowerCase(Locale.ROOT).strip();
        for (CanonicalTable table : values()) {
            if (table.tableName.equals(wanted)) {
                return Optional.of(table);
            }
        }
        return Optional.empty();
    }
}
