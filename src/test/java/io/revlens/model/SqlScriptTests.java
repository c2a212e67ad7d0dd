package io.revlens.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Statements from SQL files, and the places in them the code fills with identifiers and expressions. */
class SqlScriptTests {

    @Test
    void splitsOnSemicolonsOutsideQuotesAndDropsComments() {
        assertThat(SqlScript.statements("-- why; not a statement\nselect ';' as a;\nselect '\"' as b; -- end"))
                .containsExactly("select ';' as a", "select '\"' as b");
    }

    @Test
    void fillsEveryPlaceWithItsPart() {
        assertThat(SqlScript.fill("delete from {{table}} where {{condition}} and source_file_id = ?",
                Map.of("table", "opportunities", "condition", "c0 is null")))
                .isEqualTo("delete from opportunities where c0 is null and source_file_id = ?");
    }

    @Test
    void aPlaceWithoutAPartOrAPartWithoutAPlaceIsAnError() {
        assertThatThrownBy(() -> SqlScript.fill("select {{keys}} from {{table}}", Map.of("keys", "k0")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("{{table}}");
        assertThatThrownBy(() -> SqlScript.fill("select 1 from {{table}}", Map.of("table", "t", "joins", "")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("joins");
    }

    @Test
    void everyIngestFileNamedByTheBulkLoadHoldsOneStatement() {
        for (String name : List.of("stage_file", "staged_rows", "sample_dates", "column_facts", "insert_fast_rows",
                "delete_file_rows", "mark_slow_rows", "slow_rows", "insert_stage_history_of_all",
                "insert_stage_history_of_loaded", "distinct_keys", "create_lookup", "drop_table")) {
            assertThat(SqlScript.load("sql/ingest/bulk/" + name + ".sql")).as(name).hasSize(1);
        }
        assertThat(SqlScript.load("sql/ingest/bulk/drop_staging.sql")).hasSize(3);
    }
}
