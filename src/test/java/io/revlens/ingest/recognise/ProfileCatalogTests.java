package io.revlens.ingest.recognise;

import io.revlens.model.CanonicalTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfileCatalogTests {

    private final ProfileCatalog catalog = ProfileCatalog.builtIn();

    @Test
    void headersAreComparedIgnoringCaseSpacesAndPunctuation() {
        assertThat(ProfileCatalog.normalize(" Deal - ID ")).isEqualTo("dealid");
        assertThat(ProfileCatalog.normalize("Country/Region")).isEqualTo("countryregion");
        assertThat(ProfileCatalog.normalize("Étape")).isEqualTo("étape");
    }

    @Test
    void specificProfilesWinOverGeneric() {
        assertThat(catalog.detect(List.of("record id", "DEAL NAME", "Deal Stage", "Pipeline")).orElseThrow().name())
                .isEqualTo("hubspot-deals");
        assertThat(catalog.detect(List.of("", "Transaction date", "Transaction type", "Num", "Amount")).orElseThrow()
                .name()).isEqualTo("quickbooks-sales-by-customer-detail");
        assertThat(catalog.detect(List.of("InvoiceNumber", "ContactName", "InvoiceDate", "LineAmount")).orElseThrow()
                .name()).isEqualTo("xero-invoices");
        assertThat(catalog.detect(List.of("Deal - ID", "Deal - Title", "Deal - Stage", "Deal - Status")).orElseThrow()
                .name()).isEqualTo("pipedrive-deals");
    }

    @Test
    void genericPicksTheTableWithTheMostColumnsFound() {
        ResolvedProfile pipeline = catalog.detect(List.of("opportunity_id", "sales_agent", "product", "account",
                "deal_stage", "engage_date", "close_date", "close_value")).orElseThrow();
        assertThat(pipeline.name()).isEqualTo("generic-opportunities");
        assertThat(pipeline.table()).isEqualTo(CanonicalTable.OPPORTUNITIES);
        assertThat(pipeline.mappingLines()).contains("rep_name <- sales_agent", "amount <- close_value",
                "created_date <- engage_date", "stage <- deal_stage");
        assertThat(catalog.detect(List.of("sales_agent", "manager", "regional_office")).orElseThrow().table())
                .isEqualTo(CanonicalTable.REPS);
        assertThat(catalog.detect(List.of("product", "series", "sales_price"))).isEmpty();
        // No amount column but quantity and unit price: amount is derived.
        assertThat(catalog.detect(List.of("InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate",
                "UnitPrice", "CustomerID", "Country")).orElseThrow().table()).isEqualTo(CanonicalTable.REVENUE_LINES);
    }

    @Test
    void userProfilesAreValidatedWithTheFileNamed(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.yml"), "name: bad\nkind: invoices\nmatch:\n  required: [X]\n");
        assertThatThrownBy(() -> ProfileCatalog.load(dir))
                .hasMessageContaining("bad.yml")
                .hasMessageContaining("kind must be one of");
    }

    @Test
    void aProfileWithoutItsColumnsGroupOrWithAColumnTheTableLacksIsRefusedByName(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("no-columns.yml"), "name: no-columns\nkind: opportunities\nmatch:\n  required: [Deal]\n");
        assertThatThrownBy(() -> ProfileCatalog.load(dir))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("no-columns.yml: the columns group is missing")
                .hasMessageContaining("opportunities has opportunity_id, opportunity_name");
        Files.writeString(dir.resolve("no-columns.yml"), "name: no-columns\nkind: opportunities\nmatch:\n  required: [Deal]\n"
                + "columns:\n  opportunity_id: [Deal]\n  deal_value: [Value]\n");
        assertThatThrownBy(() -> ProfileCatalog.load(dir))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("no-columns.yml: columns.deal_value is not a column of opportunities");
    }

    @Test
    void anUnknownOverrideNamesTheKnownProfiles() {
        assertThatThrownBy(() -> catalog.resolve("hubspot", List.of("a"), true))
                .hasMessageContaining("Unknown profile 'hubspot'; known: hubspot-deals, hubspot-companies");
    }

    @Test
    void everyProfileFileIsBuiltIn() throws Exception {
        // A profile file missing from BUILT_IN is never loaded: it recognises nothing, silently.
        java.util.List<String> files;
        try (var list = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/profiles"))) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yml"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
        }
        assertThat(ProfileCatalog.BUILT_IN).containsExactlyInAnyOrderElementsOf(files);
    }
}
