package io.revlens.job;

import io.revlens.model.Workspace;
import io.revlens.report.ReportFormats;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The e-mail that carries a run's reports: the headline a reader acts on without opening the PDF (the issues that
 * need attention, the key numbers with their status) as HTML, and the same as plain text for clients that show no
 * HTML, then what is attached and where every output is.
 */
public record ReportEmail(String text, String html) {

    private static final int TOP_TRIGGERS = 5;

    /** The top issues (persistent ones first) and the KPIs, read from the run's database. */
    static ReportEmail of(Connection connection, JobDefinition job, String asOf, String staleNote, List<Path> attached,
                          Path folder, long runId) throws SQLException {
        Headline headline = Headline.read(connection, job.currency(), TOP_TRIGGERS);
        List<String> triggers = headline.triggers();
        String title = (job.description() == null ? job.name() : job.description()) + " for " + job.company() + ", as of " + asOf;
        List<String> names = attached.stream().map(p -> p.getFileName().toString()).toList();

        StringBuilder text = new StringBuilder(title).append(".\n\n");
        if (staleNote != null) {
            text.append("Note: the ").append(staleNote).append("; figures after it are unknown, not zero.\n\n");
        }
        if (!triggers.isEmpty()) {
            text.append("What needs attention:\n");
            for (int i = 0; i < triggers.size(); i++) {
                text.append(i + 1).append(". ").append(triggers.get(i)).append("\n");
            }
            text.append("\n");
        }
        text.append("Key numbers:\n");
        headline.kpis().forEach(k -> text.append("- ").append(k.line()).append("\n"));
        text.append("\n").append(names.isEmpty() ? "" : "Attached: " + String.join(", ", names) + "\n")
                .append("All outputs (metric CSVs, rejects, run summary): ").append(folder).append("\n\n")
                .append("Sent by RevLens, run ").append(runId).append(".\n");

        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:Arial,Helvetica,sans-serif;color:#263238;max-width:640px\">")
                .append("<h2 style=\"color:#1A237E;margin-bottom:4px\">").append(escape(job.company())).append("</h2>")
                .append("<p style=\"color:#546E7A;margin-top:0\">").append(escape(title)).append("</p>");
        if (staleNote != null) {
            html.append("<p style=\"color:#C62828\"><b>Note:</b> the ").append(escape(staleNote))
                    .append("; figures after it are unknown, not zero.</p>");
        }
        if (!triggers.isEmpty()) {
            html.append("<h3 style=\"color:#1A237E\">What needs attention</h3><ol>");
            triggers.forEach(t -> html.append("<li style=\"margin-bottom:6px\">").append(escape(t)).append("</li>"));
            html.append("</ol>");
        }
        html.append("<h3 style=\"color:#1A237E\">Key numbers</h3><table style=\"border-collapse:collapse\">");
        for (Headline.Kpi k : headline.kpis()) {
            html.append("<tr><td style=\"padding:3px 12px 3px 0;color:#546E7A\">").append(escape(k.label()))
                    .append("</td><td style=\"padding:3px 12px 3px 0;font-weight:bold\">").append(escape(k.value()))
                    .append("</td><td style=\"padding:3px 0;color:").append(ReportFormats.statusColour(k.status())).append("\">")
                    .append("none".equals(k.status()) || k.status() == null ? "" : "&#9679; " + escape(k.status())).append("</td></tr>");
        }
        html.append("</table>");
        if (!names.isEmpty()) {
            html.append("<p>Attached: ").append(escape(String.join(", ", names))).append("</p>");
        }
        html.append("<p style=\"color:#78909C;font-size:12px\">All outputs (metric CSVs, rejects, run summary): ")
                .append(escape(folder.toString())).append("<br>Sent by RevLens, run ").append(runId).append(".</p></body></html>");
        return new ReportEmail(text.toString(), html.toString());
    }

    /** A test message for {@code send-test}: what the job would send, without the reports. */
    static ReportEmail test(JobDefinition job) {
        String text = "RevLens test message for " + job.company() + " (" + job.name() + "): when this arrives, the"
                + " reports of this job will too.\n";
        return new ReportEmail(text, "<!DOCTYPE html><html><body style=\"font-family:Arial,Helvetica,sans-serif\"><p>"
                + escape(text) + "</p></body></html>");
    }

    /** Sends a body through the job's SMTP settings (the password from the environment variable the job names). */
    static void send(JobDefinition.Email email, String subject, ReportEmail body, List<Path> attachments)
            throws io.revlens.delivery.DeliveryException {
        String password = email.passwordEnv() == null ? null : System.getenv(email.passwordEnv());
        io.revlens.delivery.ReportMailer.send(new io.revlens.delivery.ReportMailer.Smtp(email.smtpHost(), email.smtpPort(),
                        email.startTls(), email.username(), password),
                new io.revlens.delivery.ReportMailer.Mail(email.from(), email.to(), subject, body.text(), body.html(), attachments));
    }

    /**
     * Sends the job's test message ({@code revlens send-test <job>}): the job's server, sender and recipients, no
     * reports. Returns who it went to.
     */
    public static String sendTest(JobDefinition job) throws io.revlens.delivery.DeliveryException {
        JobDefinition.Email email = job.delivery().email();
        if (email == null) {
            throw new JobDefinitionException("Job " + job.name() + " sends no e-mail: add delivery: email: (to, from,"
                    + " smtp_host) to its job file (README, Delivery)");
        }
        send(email, "RevLens test message: " + job.company() + " (" + job.name() + ")", test(job), List.of());
        return String.join(", ", email.to());
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Opens the run's database for the headline. */
    static ReportEmail of(RunRequest request, String asOf, String staleNote, List<Path> attached, Path folder, long runId)
            throws SQLException {
        try (Connection connection = Workspace.open(request.databaseFile())) {
            return of(connection, request.job(), asOf, staleNote, attached, folder, runId);
        }
    }
}
