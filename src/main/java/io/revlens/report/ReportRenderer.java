package io.revlens.report;

import io.revlens.model.SqlScript;
import io.revlens.model.Workspace;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.engine.util.JRSaver;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;

/**
 * Renders a report template from {@code reports/} to PDF, filling it from the run's DuckDB
 * connection (each template selects from the metric tables itself). Templates are compiled once:
 * per JVM in memory, and across processes in a cache folder keyed by the template's SHA-256 —
 * only files this class wrote there are ever loaded.
 */
public final class ReportRenderer {

    private static final Map<String, JasperReport> COMPILED = new ConcurrentHashMap<>();
    /** The parameter of a template with a contents page: its sections' titles and pages (see {@link #fill}). */
    private static final String CONTENTS = "CONTENTS";
    private static final java.util.regex.Pattern SUBREPORT =
            java.util.regex.Pattern.compile("\\$P\\{SUBREPORTS}\\.get\\(\"([a-z0-9-]+)\"\\)");

    private final Path cacheDir;

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.2f", nanos / 1e9);
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReportRenderer.class);

    public ReportRenderer(Path cacheDir) {
        this.cacheDir = cacheDir;
    }

    public Path render(Connection duckdb, String templateName, ReportContext context, Path pdfOut) {
        long start = System.nanoTime();
        JasperReport report = compiled(templateName, context.projectTemplates());
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("COMPANY_NAME", context.companyName());
        parameters.put("CURRENCY", context.currency());
        parameters.put("AS_OF_DATE", context.asOfDate().format(DateTimeFormatter.ofPattern("MMMM d, yyyy", java.util.Locale.US)));
        parameters.put("PERIOD_LABEL", context.periodLabel());
        parameters.put("GENERATED_AT", context.generatedAt().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx")));
        parameters.put("JOB_NAME", context.jobName());
        parameters.put("NOT_AVAILABLE", notAvailable(duckdb));
        parameters.put("TAKEAWAYS", takeaways(duckdb));
        parameters.put("SUBREPORTS", subreportsOf(templateName, context.projectTemplates()));
        parameters.put(net.sf.jasperreports.engine.JRParameter.REPORT_LOCALE, java.util.Locale.US);
        try {
            long filling = System.nanoTime();
            JasperPrint print = fill(report, parameters, duckdb);
            long exporting = System.nanoTime();
            Files.createDirectories(pdfOut.toAbsolutePath().getParent());
            Path temp = pdfOut.resolveSibling(pdfOut.getFileName() + ".tmp");
            JRPdfExporter exporter = new JRPdfExporter();
            exporter.setExporterInput(new SimpleExporterInput(print));
            exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(temp.toFile()));
            exporter.exportReport();
            Files.move(temp, pdfOut, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            long done = System.nanoTime();
            log.info("Rendered {}: {} pages, template {} s, fill {} s, export {} s", pdfOut.getFileName(),
                    print.getPages().size(), seconds(filling - start), seconds(exporting - filling), seconds(done - exporting));
            return pdfOut;
        } catch (JRException | IOException e) {
            throw new IllegalStateException("Rendering report template reports/" + templateName + ".jrxml to " + pdfOut
                    + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Fills the report. A template with a {@code CONTENTS} parameter (the packet's contents page) is filled again
     * with its sections' titles and first pages as they came out of the previous fill, until they no longer change:
     * the second fill, unless the list outgrew the contents page and moved every section (then the third).
     */
    private static JasperPrint fill(JasperReport report, Map<String, Object> parameters, Connection duckdb) throws JRException {
        boolean hasContents = java.util.Arrays.stream(report.getParameters()).anyMatch(p -> CONTENTS.equals(p.getName()));
        List<Map<String, Object>> contents = null;
        for (int fill = 1; ; fill++) {
            Map<String, Object> values = new HashMap<>(parameters); // a fill adds its own entries to the map
            values.put(CONTENTS, contents);
            JasperPrint print = JasperFillManager.fillReport(report, values, duckdb);
            if (!hasContents) {
                return print;
            }
            List<Map<String, Object>> found = contentsOf(print.getBookmarks());
            if (found.equals(contents) || fill == 3) {
                return print;
            }
            contents = found;
        }
    }

    /** Each bookmarked section (sub-sections after their section) with the page it starts on, counted from 1. */
    private static List<Map<String, Object>> contentsOf(List<net.sf.jasperreports.engine.PrintBookmark> bookmarks) {
        List<Map<String, Object>> contents = new java.util.ArrayList<>();
        if (bookmarks != null) {
            for (net.sf.jasperreports.engine.PrintBookmark bookmark : bookmarks) {
                contents.add(Map.of("title", bookmark.getLabel(), "page", bookmark.getPageIndex() + 1));
                contents.addAll(contentsOf(bookmark.getBookmarks()));
            }
        }
        return contents;
    }

    /**
     * The sources a template renders with: its own and, recursively, those of the subreports it names (each the
     * project's own when there is one, else the bundled one), by name. What a rendered report depends on besides
     * the data, its parameters and RevLens itself.
     */
    public static java.util.SortedMap<String, String> sources(String templateName, Path projectTemplates) {
        java.util.SortedMap<String, String> sources = new java.util.TreeMap<>();
        java.util.Deque<String> pending = new java.util.ArrayDeque<>(List.of(templateName));
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (!sources.containsKey(name)) {
                sources.put(name, source(name, projectTemplates));
                pending.addAll(subreportNames(name, projectTemplates));
            }
        }
        return sources;
    }

    /** The compiled subreports a template names as {@code $P{SUBREPORTS}.get("name")}, from reports/ too. */
    private Map<String, JasperReport> subreportsOf(String templateName, Path projectTemplates) {
        Map<String, JasperReport> subreports = new HashMap<>();
        for (String name : subreportNames(templateName, projectTemplates)) {
            subreports.put(name, compiled(name, projectTemplates));
        }
        return subreports;
    }

    private static List<String> subreportNames(String templateName, Path projectTemplates) {
        List<String> names = new java.util.ArrayList<>();
        java.util.regex.Matcher m = SUBREPORT.matcher(source(templateName, projectTemplates));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The line each chart opens with, by chart (chart_takeaways); none when the table is missing. */
    private static Map<String, String> takeaways(Connection duckdb) {
        Map<String, String> lines = new HashMap<>();
        try (Statement statement = duckdb.createStatement();
             ResultSet rs = statement.executeQuery(SqlScript.loadOne("sql/report/takeaways.sql"))) {
            while (rs.next()) {
                lines.put(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            // no takeaways table (metrics not computed): the charts carry their titles only
        }
        return lines;
    }

    /** Why a metric table has nothing to show: its metric_status note, or "no rows" when it is empty. */
    private static Map<String, String> notAvailable(Connection duckdb) {
        Map<String, String> notes = new HashMap<>();
        try (Statement statement = duckdb.createStatement();
             ResultSet rs = statement.executeQuery(SqlScript.loadOne("sql/report/metric_notes.sql"))) {
            while (rs.next()) {
                String status = rs.getString(2);
                long rows = rs.getLong(3);
                String note = rs.getString(4);
                if ("not_computed".equals(status) || rows == 0) {
                    notes.put(rs.getString(1), "Not available: " + (note != null ? note : "no rows for this period."));
                } else if (note != null) {
                    notes.put(rs.getString(1) + ".note", "Note: " + note);
                }
            }
        } catch (SQLException e) {
            notes.put("*", "Not available: metrics were not computed (" + e.getMessage() + ")");
        }
        try (Statement statement = duckdb.createStatement();
             ResultSet rs = statement.executeQuery(SqlScript.loadOne("sql/report/reject_count.sql"))) {
            if (rs.next() && rs.getLong(1) == 0) {
                notes.put("rejects.none", "No rows were rejected.");
            }
        } catch (SQLException e) {
            // no rejects table: nothing to say about rejects
        }
        return notes;
    }

    /**
     * A template's source: the project's own {@code reports/<name>.jrxml} when there is one (changed without
     * rebuilding RevLens), else the bundled one.
     */
    private static String source(String templateName, Path projectTemplates) {
        if (!templateName.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("Template names are plain names of files in reports/: " + templateName);
        }
        Path own = projectTemplates == null ? null : projectTemplates.resolve(templateName + ".jrxml");
        if (own != null && Files.isRegularFile(own)) {
            try {
                return Files.readString(own);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read the template " + own + ": " + e.getMessage(), e);
            }
        }
        return Workspace.readResource("reports/" + templateName + ".jrxml");
    }

    private JasperReport compiled(String templateName, Path projectTemplates) {
        String source = source(templateName, projectTemplates);
        String key = templateName + "-" + sha256(source);
        return COMPILED.computeIfAbsent(key, k -> loadOrCompile(templateName, source, k));
    }

    private JasperReport loadOrCompile(String templateName, String source, String key) {
        Path cached = cacheDir == null ? null : cacheDir.resolve(key + ".jasper");
        if (cached != null && Files.isRegularFile(cached)) {
            try {
                return (JasperReport) JRLoader.loadObject(cached.toFile());
            } catch (JRException | RuntimeException e) {
                // A stale or damaged cache entry: compile again below.
            }
        }
        net.sf.jasperreports.engine.design.JasperDesign design = null;
        try {
            design = net.sf.jasperreports.engine.xml.JRXmlLoader.load(
                    new ByteArrayInputStream(source.getBytes(StandardCharsets.UTF_8)));
            JasperReport report = JasperCompileManager.compileReport(design);
            if (cached != null) {
                Files.createDirectories(cacheDir);
                Path temp = cacheDir.resolve(key + ".jasper.tmp");
                JRSaver.saveObject(report, temp.toFile());
                Files.move(temp, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return report;
        } catch (JRException | IOException | RuntimeException e) {
            throw new IllegalStateException(TemplateErrors.describe(templateName, source, design, e), e);
        }
    }

    /**
     * Loads the compiled templates (and their subreports) that are already in the on-disk cache into memory,
     * with the Jasper classes they need: run on a spare thread while a job starts. Templates not cached yet
     * are left to {@link #render}, which compiles them and reports template errors.
     */
    public void preloadCached(List<String> templateNames) {
        for (String name : templateNames) {
            if (!name.matches("[a-z0-9-]+") || !isCached(name)) {
                continue;
            }
            compiled(name, null);
            for (String subreport : subreportNames(name, null)) {
                if (isCached(subreport)) {
                    compiled(subreport, null);
                }
            }
        }
    }

    /** Whether a compiled copy of the template is in the on-disk cache (for tests and diagnostics). */
    public boolean isCached(String templateName) {
        String source = source(templateName, null);
        return cacheDir != null && Files.isRegularFile(cacheDir.resolve(templateName + "-" + sha256(source) + ".jasper"));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
