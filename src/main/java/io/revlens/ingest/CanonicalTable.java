package io.revlens.ingest;

import java.util.List;
import java.util.Locale;

/**
 * The canonical tables an export can load into, with their columns in DDL order (see
 * {@code sql/schema/canonical.sql}) and the type each raw value is coerced to.
 */
public enum CanonicalTable {
    OPPORTUNITIES("opportunities", List.of(
            col("opportunity_id", Type.TEXT), col("opportunity_name", Type.TEXT), col("account_name", Type.TEXT),
            col("rep_name", Type.TEXT), col("stage", Type.TEXT), col("amount", Type.MONEY), col("currency", Type.TEXT),
            col("created_date", Type.DATE), col("close_date", Type.DATE), col("status", Type.TEXT),
            col("source", Type.TEXT), col("opportunity_type", Type.TEXT), col("lost_reason", Type.TEXT),
            col("product", Type.TEXT), col("segment", Type.TEXT))),
    ACCOUNTS("accounts", List.of(
            col("account_id", Type.TEXT), col("account_name", Type.TEXT), col("segment", Type.TEXT),
            col("industry", Type.TEXT), col("country", Type.TEXT), col("region", Type.TEXT),
            col("employees", Type.INTEGER), col("annual_revenue", Type.MONEY), col("parent_account", Type.TEXT))),
    REPS("reps", List.of(
            col("rep_id", Type.TEXT), col("rep_name", Type.TEXT), col("role", Type.TEXT), col("hire_date", Type.DATE),
            col("end_date", Type.DATE), col("manager", Type.TEXT), col("region", Type.TEXT),
            col("quarterly_quota", Type.MONEY))),
    REVENUE_LINES("revenue_lines", List.of(
            col("document_number", Type.TEXT), col("customer_name", Type.TEXT), col("line_date", Type.DATE),
            col("amount", Type.MONEY), col("quantity", Type.QUANTITY), col("product", Type.TEXT),
            col("currency", Type.TEXT), col("is_credit", Type.BOOLEAN))),
    LEADS("leads", List.of(
            col("lead_id", Type.TEXT), col("created_date", Type.DATE), col("mql_date", Type.DATE),
            col("sql_date", Type.DATE), col("converted_opportunity_id", Type.TEXT), col("source", Type.TEXT)));

    /** Value types of canonical columns. */
    public enum Type { TEXT, MONEY, QUANTITY, INTEGER, DATE, BOOLEAN }

    /** A canonical column and its type. */
    public record Column(String name, Type type) {
    }

    private final String tableName;
    private final List<Column> columns;

    CanonicalTable(String tableName, List<Column> columns) {
        this.tableName = tableName;
        this.columns = columns;
    }

    public String tableName() {
        return tableName;
    }

    /** The business columns; every table also has {@code source_file_id, source_row} at the end. */
    public List<Column> columns() {
        return columns;
    }

    public int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        return -1;
    }

    /** Parses a profile's {@code kind}: opportunities, accounts, reps, revenue_lines, leads. */
    public static CanonicalTable ofKind(String kind) {
        for (CanonicalTable table : values()) {
            if (table.tableName.equals(kind.toLowerCase(Locale.ROOT))) {
                return table;
            }
        }
        throw new IllegalArgumentException("unknown kind '" + kind + "'");
    }

    private static Column col(String name, Type type) {
        return new Column(name, type);
    }
}
