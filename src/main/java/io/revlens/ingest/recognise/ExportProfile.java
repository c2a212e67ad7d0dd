package io.revlens.ingest.recognise;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mapping profile read from YAML ({@code profiles/*.yml}): how one kind of export is recognised by its
 * header and mapped onto a canonical table. Field names are the YAML keys; see docs/data-model.md.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public class ExportProfile {

    /** Unique profile name, used in overrides and recorded in source_files.profile. */
    public String name;
    public String description;
    /**
     * Canonical table name (opportunities, accounts, reps, revenue_lines, leads, users, stage_changes); generic
     * profiles leave it blank. {@code unused}: a known export no metric reads (contacts, campaigns): recognised,
     * listed, not loaded.
     */
    public String kind;
    /** For {@code kind: unused}: why no metric uses it, as the inventory says it. */
    public String reason;
    /** Breaks ties between readings of equal score (docs/data-model.md, "Recognising exports"). */
    public int priority;
    public Match match = new Match();
    /** Canonical column (or helper column such as unit_price) to source header names; the first non-blank wins. */
    public Map<String, List<String>> columns = new LinkedHashMap<>();
    /** Generic profiles only: per canonical table, the columns that must be found to choose that table. */
    public Map<String, List<String>> requires = new LinkedHashMap<>();
    /**
     * Generic profiles only: per canonical table, the columns that give the table its meaning (a deal's amount
     * and close date, a roster's hire dates); a header with none of them is not read as that table.
     */
    public Map<String, List<String>> evidence = new LinkedHashMap<>();
    /** Generic profiles only: per canonical table, how many evidence columns a header needs (default 0). */
    public Map<String, Integer> minEvidence = new LinkedHashMap<>();
    /** Generic profiles only: per canonical table, canonical column to header-name synonyms. */
    public Map<String, Map<String, List<String>>> synonyms;
    /** auto (detected from the data, falling back to mdy), dmy or mdy. */
    public String dateOrder = "auto";
    /** True when amounts use a decimal comma (1.234,56). */
    public boolean decimalComma;
    /** Currency recorded when the file carries none. */
    public String currency;
    /**
     * True when the CRM fixes a closed stage's probability (HubSpot: closed won 100%, closed lost 0%): a deal at 100%
     * is won and one at 0% lost when nothing else says, so a custom pipeline's own closed stages ("Booked",
     * "Parked") are not open pipeline.
     */
    public boolean closedByProbability;
    public Stages stages = new Stages();
    /** Values of a mapped {@code status} column meaning won/lost/open (case-insensitive). */
    public Map<String, List<String>> statusValues = new LinkedHashMap<>();
    public StageHistory stageHistory;
    /** Derived columns, e.g. amount: {multiply: [quantity, unit_price]}. */
    public Map<String, Derived> derived = new LinkedHashMap<>();
    public Credit credit;
    public Skip skip = new Skip();
    /** Rows kept (the others skipped and counted): e.g. sales roles only in an HR employee list. */
    public Keep keep;
    /** Per canonical column: raw value (case-insensitive) to canonical value. */
    public Map<String, Map<String, String>> valueMaps = new LinkedHashMap<>();
    /**
     * Per canonical column: a value every row has when the export has no column for it (status: won for an
     * export of won deals only).
     */
    public Map<String, String> constants = new LinkedHashMap<>();
    /**
     * What joins a sub-customer's name to its parent's in a full name (QuickBooks: "Acme:Warehouse Retrofit", a job
     * or location of the customer Acme). When set, a line counts to its top-level customer, which is the one that
     * pays and the one concentration is about; null when the export has no customer hierarchy.
     */
    public String subCustomerSeparator;
    /**
     * Columns the CRM fills on every record, which a report grouped by them writes once per group (Salesforce's
     * Stage, Owner, Close Date): a blank one takes the value of the row above, or of the group's heading line
     * ("Stage: Discovery (16 records)"). Such a file is read in order, row by row.
     */
    public List<String> carryDown = new ArrayList<>();

    /** Header names that identify the export. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public static class Match {
        public List<String> required = new ArrayList<>();
        public List<String> anyOf = new ArrayList<>();
        /** Header names another export has and this one never has (OpportunityId: a history, not the deals). */
        public List<String> absent = new ArrayList<>();
        /** Groups of alternative header names, one of each needed ([Employee, Employee Name, Name], ...). */
        public List<List<String>> oneOfEach = new ArrayList<>();
    }

    /** Stage labels in pipeline order and which are terminal. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public static class Stages {
        public List<String> order = new ArrayList<>();
        public List<String> won = new ArrayList<>();
        public List<String> lost = new ArrayList<>();
        /** When true, every stage in {@code order} is written to pipeline_stages, seen in the data or not. */
        public boolean declareAll;
    }

    /** Columns whose header names a stage and whose values are the date the deal entered it. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public static class StageHistory {
        /** Regex on the header; group 1 is the stage label. */
        public String headerPattern;
    }

    /** A column computed from others. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public static class Derived {
        /** Product of these mapped columns, used when the target column has no value of its own. */
        public List<String> multiply = new ArrayList<>();
        /** Text of these mapped columns joined by a space (first and last name), likewise. */
        public List<String> join = new ArrayList<>();
    }

    /** Which rows are credit notes (besides any negative amount). */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public static class Credit {
        public String column;
        public List<String> values = new ArrayList<>();
        public List<String> prefixes = new ArrayList<>();
    }

    /**
     * Keeps a row when the first of {@code columns} that has a value matches {@code pattern} (rows where none
     * has a value are kept); other rows are skipped with {@code rule} as the reason.
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public static class Keep {
        public List<String> columns = new ArrayList<>();
        public String pattern;
        /** The rule in words, as the skip reason and the docs state it. */
        public String rule;
    }

    /** Rows skipped (and counted) besides blank rows. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public static class Skip {
        /** Regexes matched against the first non-blank cell (totals, footers). */
        public List<String> firstCell = new ArrayList<>();
        /**
         * Regexes of the lines under a report, such as its basis and timestamp, matched against the first non-blank
         * cell. In a report with group headings a line holding only its first cell is a heading unless it matches one
         * of these or is a plain total ("TOTAL", "Total for ..."): a customer may be called "Total Wine & More".
         */
        public List<String> footer = new ArrayList<>();
        /** Mapped column to values that make a row skipped (e.g. Type: Sales overpayment). */
        public Map<String, List<String>> values = new LinkedHashMap<>();
        /** Canonical column filled from group heading rows (a row with only its first cell filled). */
        public String groupHeading;
    }

    /** The kind of a known export that is recognised and not loaded. */
    public static final String UNUSED = "unused";

    /** The description, else the name: how evidence and the inventory name the export. */
    public String label() {
        return description == null || description.isBlank() ? name : description;
    }

    /** True for a recognised export no metric reads. */
    public boolean isUnused() {
        return UNUSED.equals(kind);
    }

    /** True for a synonym-based generic profile. */
    public boolean isGeneric() {
        return synonyms != null && !synonyms.isEmpty();
    }
}
