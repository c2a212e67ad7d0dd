package io.revlens.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The independent oracle for the sample company: reads the RAW sample files with plain
 * commons-csv and POI (never RevLens's ingest or SQL) and computes the planted facts.
 * Windows: T12M = (asOf − 12 months, asOf]; prior T12M = (asOf − 24 months, asOf − 12 months].
 * Amounts are exact (sums of the files' values); shares are divided with {@link MathContext#DECIMAL64}.
 */
public final class RawSampleFacts {

    /** One deal of the HubSpot export, as read. */
    public record Deal(String owner, String stage, BigDecimal amount, LocalDate created, LocalDate closeDate,
                       boolean reachedProposal) {
        public boolean won() {
            return "Closed Won".equals(stage);
        }

        public boolean lost() {
            return "Closed Lost".equals(stage);
        }
    }

    /** A rep of the roster. */
    public record Rep(String name, LocalDate hireDate, LocalDate endDate) {
    }

    /** Won and closed counts, and their ratio. */
    public record Rate(long won, long closed) {
        public BigDecimal value() {
            return closed == 0 ? null : BigDecimal.valueOf(won).divide(BigDecimal.valueOf(closed), MathContext.DECIMAL64);
        }
    }

    private final List<Deal> deals;
    private final List<Rep> reps;
    private final Map<String, List<Object[]>> invoiceLinesByCustomer;

    private RawSampleFacts(List<Deal> deals, List<Rep> reps, Map<String, List<Object[]>> lines) {
        this.deals = deals;
        this.reps = reps;
        this.invoiceLinesByCustomer = lines;
    }

    public static RawSampleFacts read(Path folder) throws IOException {
        return new RawSampleFacts(readDeals(folder.resolve("hubspot-deals.csv")), readReps(folder.resolve("sales-team.csv")),
                readInvoiceLines(folder.resolve("invoice-lines.xlsx")));
    }

    public List<Deal> deals() {
        return deals;
    }

    public List<Rep> reps() {
        return reps;
    }

    /** Net revenue (LineAmount incl. credit notes) per customer with InvoiceDate in (from, to]. */
    public Map<String, BigDecimal> revenueByCustomer(LocalDate fromExclusive, LocalDate toInclusive) {
        Map<String, BigDecimal> result = new TreeMap<>();
        invoiceLinesByCustomer.forEach((customer, lines) -> {
            BigDecimal sum = BigDecimal.ZERO;
            boolean any = false;
            for (Object[] line : lines) {
                LocalDate date = (LocalDate) line[0];
                if (date.isAfter(fromExclusive) && !date.isAfter(toInclusive)) {
                    sum = sum.add((BigDecimal) line[1]);
                    any = true;
                }
            }
            if (any) {
                result.put(customer, sum);
            }
        });
        return result;
    }

    public Map<String, BigDecimal> revenueT12m(LocalDate asOf) {
        return revenueByCustomer(asOf.minusMonths(12), asOf);
    }

    public Map<String, BigDecimal> revenuePriorT12m(LocalDate asOf) {
        return revenueByCustomer(asOf.minusMonths(24), asOf.minusMonths(12));
    }

    /** The customer with the largest revenue in the given map. */
    public static String largest(Map<String, BigDecimal> revenue) {
        return revenue.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    /** A customer's share of total revenue in the given map. */
    public static BigDecimal share(Map<String, BigDecimal> revenue, String customer) {
        BigDecimal total = revenue.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return revenue.get(customer).divide(total, MathContext.DECIMAL64);
    }

    /** Won / (won + lost) among deals with Close Date in the T12M window. */
    public Rate winRateT12m(LocalDate asOf) {
        long won = 0;
        long closed = 0;
        for (Deal d : deals) {
            if ((d.won() || d.lost()) && inT12m(d.closeDate(), asOf)) {
                closed++;
                won += d.won() ? 1 : 0;
            }
        }
        return new Rate(won, closed);
    }

    /** Won / closed among deals that reached Proposal (or a later stage) and closed in the T12M window. */
    public Rate proposalWinRateT12m(LocalDate asOf) {
        long won = 0;
        long closed = 0;
        for (Deal d : deals) {
            if (d.reachedProposal() && (d.won() || d.lost()) && inT12m(d.closeDate(), asOf)) {
                closed++;
                won += d.won() ? 1 : 0;
            }
        }
        return new Rate(won, closed);
    }

    /** Each owner's latest Create Date. */
    public Map<String, LocalDate> lastCreateDateByRep() {
        Map<String, LocalDate> result = new TreeMap<>();
        for (Deal d : deals) {
            result.merge(d.owner(), d.created(), (a, b) -> a.isAfter(b) ? a : b);
        }
        return result;
    }

    /** Amount of Closed Won deals owned by the rep with Close Date 0..days days after the hire date. */
    public BigDecimal bookingsWithinDaysOfHire(Rep rep, int days) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Deal d : deals) {
            if (d.owner().equals(rep.name()) && d.won()) {
                long since = ChronoUnit.DAYS.between(rep.hireDate(), d.closeDate());
                if (since >= 0 && since <= days) {
                    sum = sum.add(d.amount());
                }
            }
        }
        return sum;
    }

    private static boolean inT12m(LocalDate date, LocalDate asOf) {
        return date.isAfter(asOf.minusMonths(12)) && !date.isAfter(asOf);
    }

    private static List<Deal> readDeals(Path file) throws IOException {
        List<Deal> deals = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            for (CSVRecord r : parser) {
                boolean reachedProposal = !r.get("Date entered \"Proposal (Sales Pipeline)\"").isBlank()
                        || !r.get("Date entered \"Negotiation (Sales Pipeline)\"").isBlank()
                        || !r.get("Date entered \"Closed Won (Sales Pipeline)\"").isBlank();
                deals.add(new Deal(r.get("Deal owner"), r.get("Deal Stage"), new BigDecimal(r.get("Amount")),
                        LocalDate.parse(r.get("Create Date").substring(0, 10)),
                        LocalDate.parse(r.get("Close Date").substring(0, 10)), reachedProposal));
            }
        }
        return deals;
    }

    private static List<Rep> readReps(Path file) throws IOException {
        List<Rep> reps = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            for (CSVRecord r : parser) {
                reps.add(new Rep(r.get("Rep Name"), LocalDate.parse(r.get("Hire Date")),
                        r.get("End Date").isBlank() ? null : LocalDate.parse(r.get("End Date"))));
            }
        }
        return reps;
    }

    private static Map<String, List<Object[]>> readInvoiceLines(Path file) throws IOException {
        Map<String, List<Object[]>> lines = new HashMap<>();
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                if (row.getRowNum() == 0) {
                    continue;
                }
                Cell date = row.getCell(2);
                Cell amount = row.getCell(7);
                lines.computeIfAbsent(row.getCell(1).getStringCellValue(), k -> new ArrayList<>())
                        .add(new Object[] {date.getLocalDateTimeCellValue().toLocalDate(),
                                new BigDecimal(Double.toString(amount.getNumericCellValue()))});
            }
        }
        return lines;
    }
}
