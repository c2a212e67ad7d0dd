package io.revlens.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.revlens.model.SqlScript;
import io.revlens.model.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every metric table has a stated row order, so that the same inputs give the same CSV byte for byte: its
 * statement ends with an {@code order by}, or its header says it is one row, or it is a row-level table written
 * in lineage order (model/OutputQuery).
 */
class MetricSqlOrderTests {

    private static final Pattern TABLE = Pattern.compile("create\\s+or\\s+replace\\s+(table|view)\\s+(\\w+)", Pattern.CASE_INSENSITIVE);

    @Test
    void everyMetricTableStatesItsRowOrder() {
        List<String> unordered = new ArrayList<>();
        for (String file : Workspace.readResource("sql/metrics/ORDER").lines()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            String text = Workspace.readResource("sql/metrics/" + file);
            String header = text.lines().takeWhile(l -> l.startsWith("--")).map(l -> l.substring(2).strip()).reduce("", (a, b) -> a + " " + b);
            boolean oneRow = header.matches("(?s).*\\bone row( for the next quarter)?[.:;,( ].*") && !header.contains("one row per");
            boolean lineageOrder = header.contains("lineage order");
            for (String statement : SqlScript.statements(text)) {
                Matcher table = TABLE.matcher(statement);
                if (table.find() && !oneRow && !lineageOrder && !endsWithOrderBy(statement)) {
                    unordered.add(table.group(2) + " in " + file);
                }
            }
        }
        assertThat(unordered).as("metric tables without a stated row order").isEmpty();
    }

    @Test
    void anOrderByInsideAWindowOrSubqueryIsNotAStatedOrder() {
        assertThat(endsWithOrderBy("create or replace table t as select row_number() over (order by a) as n from x")).isFalse();
        assertThat(endsWithOrderBy("create or replace table t as select * from (select a from x order by a) s")).isFalse();
        assertThat(endsWithOrderBy("create or replace table t as select a from x order by coalesce(a, 0) desc, b")).isTrue();
    }

    /** True when the statement's last {@code order by} is at the top level (not inside parentheses). */
    static boolean endsWithOrderBy(String statement) {
        String body = statement.replaceAll("--[^\\n]*", "").toLowerCase();
        int at = body.lastIndexOf("order by");
        if (at < 0) {
            return false;
        }
        int depth = 0;
        for (char c : body.substring(at).toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return true;
    }
}
