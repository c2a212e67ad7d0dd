package io.revlens.sample;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes the exports of the sample company, Calibra Instruments (docs/sample-company.md): a HubSpot
 * deals and companies export, a reps roster and a finance invoice-lines workbook. The same seed
 * and scale always produce the same content.
 */
public final class SampleCompanyGenerator {

    /** What was written: the four files and their data-row counts. */
    public record GeneratedSample(Path folder, int deals, int companies, int reps, int invoiceLines,
                                  String invoiceFile, int calls, int meetings) {
        /** Data rows over every file written. */
        public long rows() {
            return (long) deals + companies + reps + invoiceLines + calls + meetings;
        }

        @Override
        public String toString() {
            return String.format("  hubspot-deals.csv      %,10d deals%n  hubspot-companies.csv  %,10d companies%n"
                    + "  sales-team.csv         %,10d reps%n  %-22s %,10d invoice lines%n"
                    + "  hubspot-calls.csv      %,10d calls%n  hubspot-meetings.csv   %,10d meetings", deals, companies,
                    reps, invoiceFile, invoiceLines, calls, meetings);
        }
    }

    /**
     * Sizes for benchmarks: at most {@code deals} deals and {@code invoiceLines} invoice lines (null: all the
     * scale gives), invoices as CSV or .xlsx. The deals' and the invoices' scales may differ.
     */
    public record Size(int dealScale, Integer deals, int invoiceScale, Integer invoiceLines, boolean invoicesAsCsv) {

        /** The committed sample's shape: one scale for everything, invoices as .xlsx. */
        public static Size of(int scale) {
            return new Size(scale, null, scale, null, false);
        }

        /** Exactly {@code deals} deals and {@code invoiceLines} lines (the scales are chosen to give enough). */
        public static Size exactly(int deals, int invoiceLines, boolean invoicesAsCsv) {
            // ~1,170-1,700 deals (fewer per unit at large scales) and ~2,250 invoice lines per unit of scale;
            // a margin so truncation always applies.
            return new Size(Math.max(1, (int) Math.ceil(deals / 1_000.0)), deals,
                    Math.max(1, (int) Math.ceil(invoiceLines / 2_100.0)), invoiceLines, invoicesAsCsv);
        }
    }

    static final String DEALS = "hubspot-deals.csv";
    static final String COMPANIES = "hubspot-companies.csv";
    static final String ROSTER = "sales-team.csv";
    static final String INVOICES = "invoice-lines.xlsx";
    static final String INVOICES_CSV = "invoice-lines.csv";
    static final String CALLS = "hubspot-calls.csv";
    static final String MEETINGS = "hubspot-meetings.csv";

    private static final DateTimeFormatter HUBSPOT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private SampleCompanyGenerator() {
    }

    public static GeneratedSample generate(Path outDir, long seed, int scale) throws IOException {
        return generate(outDir, seed, Size.of(scale));
    }

    public static GeneratedSample generate(Path outDir, long seed, Size size) throws IOException {
        if (size.dealScale() < 1 || size.invoiceScale() < 1) {
            throw new IllegalArgumentException("scale must be at least 1");
        }
        Files.createDirectories(outDir);
        SplittableRandom random = new SplittableRandom(seed);
        SampleCast cast = new SampleCast(random.split(), size.dealScale());
        List<DealSimulator.Deal> deals = new DealSimulator(random.split(), cast, size.dealScale()).simulate();
        SplittableRandom invoiceRandom = random.split();
        // Benchmarks size invoices on their own: their customers come from a cast of the invoices' scale.
        SampleCast invoiceCast = size.invoiceScale() == size.dealScale() ? cast
                : new SampleCast(random.split(), size.invoiceScale());
        List<InvoiceSimulator.Line> lines = new InvoiceSimulator(invoiceRandom, invoiceCast).simulate();
        // After every other draw, so the other files stay what the seed always gave.
        List<ActivitySimulator.Activity> activities = new ActivitySimulator(random.split(), cast).simulate();
        deals = first(deals, size.deals());
        lines = first(lines, size.invoiceLines());
        writeDeals(outDir.resolve(DEALS), deals);
        writeCompanies(outDir.resolve(COMPANIES), cast);
        writeRoster(outDir.resolve(ROSTER), cast);
        String invoiceFile = size.invoicesAsCsv() ? INVOICES_CSV : INVOICES;
        if (size.invoicesAsCsv()) {
            writeInvoicesCsv(outDir.resolve(invoiceFile), lines);
        } else {
            writeInvoices(outDir.resolve(invoiceFile), lines);
        }
        int calls = writeActivities(outDir.resolve(CALLS), activities, false);
        int meetings = writeActivities(outDir.resolve(MEETINGS), activities, true);
        return new GeneratedSample(outDir, deals.size(), cast.customers.size() + cast.prospects.size(),
                cast.reps.size(), lines.size(), invoiceFile, calls, meetings);
    }

    private static <T> List<T> first(List<T> items, Integer limit) {
        return limit == null || items.size() <= limit ? items : items.subList(0, limit);
    }

    /** The invoice lines as a Xero-style CSV export (same columns as the workbook). */
    private static void writeInvoicesCsv(Path file, List<InvoiceSimulator.Line> lines) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").setHeader("InvoiceNumber",
                "ContactName", "InvoiceDate", "InventoryItemCode", "Description", "Quantity", "UnitAmount",
                "LineAmount", "Currency", "Type").get();
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = format.print(writer)) {
            for (InvoiceSimulator.Line line : lines) {
                csv.printRecord(line.invoiceNumber(), line.contact(), line.date(), line.itemCode(), line.description(),
                        line.quantity().toPlainString(), line.unitAmount().toPlainString(),
                        line.lineAmount().toPlainString(), "USD", line.credit() ? "Sales credit note" : "Sales invoice");
            }
        }
    }

    private static void writeDeals(Path file, List<DealSimulator.Deal> deals) throws IOException {
        String[] header = {"Record ID", "Deal Name", "Associated Company", "Deal owner", "Deal Stage", "Amount",
                "Currency", "Create Date", "Close Date", "Pipeline", "Deal Type", "Original Source Type",
                "Closed Lost Reason", "Product", "Date entered \"Qualified (Sales Pipeline)\"",
                "Date entered \"Discovery (Sales Pipeline)\"", "Date entered \"Proposal (Sales Pipeline)\"",
                "Date entered \"Negotiation (Sales Pipeline)\"", "Date entered \"Closed Won (Sales Pipeline)\"",
                "Date entered \"Closed Lost (Sales Pipeline)\""};
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = hubspotFormat(header).print(writer)) {
            for (DealSimulator.Deal d : deals) {
                String[] stageDates = new String[DealSimulator.STAGES.length];
                for (int s = 0; s < stageDates.length; s++) {
                    stageDates[s] = d.stageDates()[s] == null ? "" : HUBSPOT_TIME.format(d.stageDates()[s]);
                }
                String closed = d.closedAt() == null ? "" : HUBSPOT_TIME.format(d.closedAt());
                csv.printRecord(d.id(), d.name(), d.company(), d.owner(), d.finalStage(),
                        String.format(java.util.Locale.ROOT, "%.2f", d.amount()), "USD",
                        HUBSPOT_TIME.format(d.created()), HUBSPOT_TIME.format(d.closeDate().atTime(17, 0)),
                        "Sales Pipeline", d.type(), d.source(), d.lostReason() == null ? "" : d.lostReason(), d.product(),
                        stageDates[0], stageDates[1], stageDates[2], stageDates[3],
                        DealSimulator.WON.equals(d.finalStage()) ? closed : "",
                        DealSimulator.LOST.equals(d.finalStage()) ? closed : "");
            }
        }
    }

    private static void writeCompanies(Path file, SampleCast cast) throws IOException {
        String[] header = {"Record ID", "Company name", "Industry", "Country/Region", "Number of Employees",
                "Annual Revenue", "Segment"};
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = hubspotFormat(header).print(writer)) {
            long id = 5_000_001L;
            for (List<SampleCast.Customer> group : List.of(cast.customers, cast.prospects)) {
                for (SampleCast.Customer c : group) {
                    csv.printRecord(id++, c.name(), c.industry(), c.country(), c.employees(),
                            String.format(java.util.Locale.ROOT, "%.0f", c.annualRevenueUsd()), c.segment());
                }
            }
        }
    }

    private static void writeRoster(Path file, SampleCast cast) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\n")
                .setHeader("Rep Name", "Email", "Role", "Hire Date", "End Date", "Manager", "Region", "Quarterly Quota").get();
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = format.print(writer)) {
            for (SampleCast.Rep r : cast.reps) {
                csv.printRecord(r.name(), r.email(), r.role(), r.hireDate(), r.endDate() == null ? "" : r.endDate(),
                        r.manager(), r.region(), r.quarterlyQuota() == 0 ? "" : r.quarterlyQuota());
            }
        }
    }

    private static void writeInvoices(Path file, List<InvoiceSimulator.Line> lines) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(500)) {
            // Fixed document timestamps so the same seed gives the same file.
            var properties = workbook.getXSSFWorkbook().getProperties().getCoreProperties();
            properties.setCreated(java.util.Optional.of(java.util.Date.from(LocalDateTime.of(2026, 11, 1, 0, 0).toInstant(ZoneOffset.UTC))));
            properties.setCreator("RevLens sample generator");
            SXSSFSheet sheet = workbook.createSheet("Invoices");
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle moneyStyle = workbook.createCellStyle();
            moneyStyle.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
            String[] header = {"InvoiceNumber", "ContactName", "InvoiceDate", "InventoryItemCode", "Description",
                    "Quantity", "UnitAmount", "LineAmount", "Currency", "Type"};
            Row head = sheet.createRow(0);
            for (int c = 0; c < header.length; c++) {
                head.createCell(c).setCellValue(header[c]);
            }
            int r = 1;
            for (InvoiceSimulator.Line line : lines) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(line.invoiceNumber());
                row.createCell(1).setCellValue(line.contact());
                var date = row.createCell(2);
                date.setCellValue(line.date());
                date.setCellStyle(dateStyle);
                row.createCell(3).setCellValue(line.itemCode());
                row.createCell(4).setCellValue(line.description());
                row.createCell(5).setCellValue(line.quantity().doubleValue());
                var unit = row.createCell(6);
                unit.setCellValue(line.unitAmount().doubleValue());
                unit.setCellStyle(moneyStyle);
                var amount = row.createCell(7);
                amount.setCellValue(line.lineAmount().doubleValue());
                amount.setCellStyle(moneyStyle);
                row.createCell(8).setCellValue("USD");
                row.createCell(9).setCellValue(line.credit() ? "Sales credit note" : "Sales invoice");
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
    }

    /** HubSpot's calls or meetings export of the activities; how many rows were written. */
    private static int writeActivities(Path file, List<ActivitySimulator.Activity> activities, boolean meetings)
            throws IOException {
        String[] header = meetings
                ? new String[] {"Record ID", "Activity date", "Activity assigned to", "Meeting name", "Meeting outcome", "Associated Company"}
                : new String[] {"Record ID", "Activity date", "Activity assigned to", "Call title", "Call outcome", "Associated Company"};
        int rows = 0;
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = hubspotFormat(header).print(writer)) {
            for (ActivitySimulator.Activity a : activities) {
                if (a.meeting() == meetings) {
                    csv.printRecord(a.id(), HUBSPOT_TIME.format(a.at()), a.rep(), a.title(), a.outcome(), a.company());
                    rows++;
                }
            }
        }
        return rows;
    }

    private static CSVFormat hubspotFormat(String[] header) {
        return CSVFormat.DEFAULT.builder().setQuoteMode(QuoteMode.ALL).setRecordSeparator("\n").setHeader(header).get();
    }
}
