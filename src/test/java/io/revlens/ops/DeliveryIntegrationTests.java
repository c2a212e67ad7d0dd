package io.revlens.ops;

import io.revlens.e2e.CliRun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.revlens.cli.ExitCodes;
import io.revlens.delivery.DeliveryException;
import io.revlens.delivery.ReportMailer;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delivery: a successful run's outputs are copied to {@code <out>/<as-of>/}, and the PDFs are e-mailed
 * through a real SMTP server (GreenMail, on a local port), with the job's login when the server asks for one. A
 * failed e-mail keeps the outputs, exits 7, and a restart sends it.
 */
class DeliveryIntegrationTests {

    private static final String AS_OF = "2026-10-31";
    /** The test's job files live in a temporary folder; let them read the project's sample-data/. */
    private static final Map<String, String> INPUT_ROOTS = Map.of("revlens.input.roots", Path.of("sample-data").toAbsolutePath().toString());

    @TempDir
    Path temp;

    private GreenMail smtp;

    @AfterEach
    void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void copiesTheOutputsToTheRunsFolderAndMailsThePdf() throws Exception {
        int port = freePort();
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Path jobs = writeJob("board-by-mail", port);
        Path home = temp.resolve("home");
        Path out = temp.resolve("out");

        CliRun run = CliRun.of(home, INPUT_ROOTS, "run", "board-by-mail", "--jobs", jobs.toString(), "--as-of", AS_OF, "--out", out.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();

        Path delivered = out.resolve(AS_OF);
        assertThat(run.out()).contains("Delivered → " + delivered).contains("E-mail → sent to board@example.com, owner@example.com");
        assertThat(Files.readAllBytes(delivered.resolve("board-report.pdf"))).isEqualTo(Files.readAllBytes(out.resolve("board-report.pdf")));
        assertThat(Files.readString(delivered.resolve("rejects.csv"))).isEqualTo(Files.readString(out.resolve("rejects.csv")));
        assertThat(names(delivered.resolve("metrics"))).isNotEmpty().isEqualTo(names(out.resolve("metrics")));
        JsonNode summary = new ObjectMapper().readTree(delivered.resolve("run-summary.json").toFile());
        assertThat(summary.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(summary.path("delivery").path("folder").asText()).isEqualTo(delivered.toString());

        MimeMessage[] received = smtp.getReceivedMessages();
        // One message with two recipients: GreenMail keeps one copy per recipient.
        assertThat(received).hasSize(2);
        MimeMessage message = received[0];
        assertThat(message.getSubject()).isEqualTo("Calibra Instruments, Inc. board pack as of 2026-10-31");
        assertThat(Arrays.stream(message.getAllRecipients()).map(Address::toString))
                .containsExactly("board@example.com", "owner@example.com");
        assertThat(message.getFrom()[0].toString()).isEqualTo("reports@revlens.test");
        MimeMultipart parts = (MimeMultipart) message.getContent();
        List<String> attachments = new ArrayList<>();
        byte[] pdf = null;
        String body = null;
        String html = null;
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                attachments.add(part.getFileName());
                // typed, so a mail client opens it rather than offering a download of unknown bytes
                assertThat(part.getContentType()).startsWith("application/pdf");
                try (InputStream in = part.getInputStream()) {
                    pdf = in.readAllBytes();
                }
            } else {
                // the headline as HTML, with the same in plain text as its alternative
                MimeMultipart alternatives = (MimeMultipart) part.getContent();
                assertThat(alternatives.getContentType()).startsWith("multipart/alternative");
                assertThat(alternatives.getBodyPart(0).getContentType()).startsWith("text/plain");
                body = alternatives.getBodyPart(0).getContent().toString().replace("\r\n", "\n");
                assertThat(alternatives.getBodyPart(1).getContentType()).startsWith("text/html");
                html = alternatives.getBodyPart(1).getContent().toString();
            }
        }
        assertThat(attachments).containsExactly("board-report.pdf");
        assertThat(pdf).isEqualTo(Files.readAllBytes(out.resolve("board-report.pdf")));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Calibra Instruments, Inc.").contains("2026-10-31");
        }
        assertThat(body).contains("as of 2026-10-31").contains("Attached: board-report.pdf").contains(delivered.toString())
                .contains("What needs attention:\n1. Northwind Aerospace is 23% of trailing-12-month revenue")
                .contains("Key numbers:\n- Revenue, trailing 12 months: $6.4M (green)");
        assertThat(html).contains("<h3 style=\"color:#1A237E\">What needs attention</h3><ol>")
                .contains("Northwind Aerospace is 23% of trailing-12-month revenue")
                .contains("Revenue, trailing 12 months</td><td style=\"padding:3px 12px 3px 0;font-weight:bold\">$6.4M")
                .contains("color:#2E7D32\">&#9679; green");
    }

    @Test
    void thePacketMailCarriesItsWorkbookAndSendTestChecksTheSettings() throws Exception {
        int port = freePort();
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Path jobs = writeJob("packet-by-mail", port);
        Files.writeString(jobs.resolve("packet-by-mail.yml"), Files.readString(jobs.resolve("packet-by-mail.yml"))
                .replace("template: board-monthly", "template: quarterly-packet").replace("output: board-report", "output: packet")
                + "workbook: true\n");

        CliRun test = CliRun.of(temp.resolve("home"), INPUT_ROOTS, "send-test", "packet-by-mail", "--jobs", jobs.toString());
        assertThat(test.exitCode()).as(test.toString()).isZero();
        assertThat(test.out()).contains("Test message sent to board@example.com, owner@example.com");
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("RevLens test message: Calibra Instruments, Inc. (packet-by-mail)");

        CliRun run = CliRun.of(temp.resolve("home"), INPUT_ROOTS, "run", "packet-by-mail", "--jobs", jobs.toString(),
                "--as-of", AS_OF, "--out", temp.resolve("out").toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        MimeMessage packet = Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return !m.getSubject().startsWith("RevLens test message");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElseThrow();
        MimeMultipart parts = (MimeMultipart) packet.getContent();
        Map<String, String> attached = new java.util.LinkedHashMap<>();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                attached.put(part.getFileName(), part.getContentType().replaceAll("(?s);.*", ""));
            }
        }
        assertThat(attached).containsOnly(Map.entry("packet.pdf", "application/pdf"),
                Map.entry("packet-by-mail.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    }

    @Test
    void aFailedEmailKeepsTheOutputsExitsSevenAndARestartSendsIt() throws Exception {
        int port = freePort();
        Path jobs = writeJob("board-by-mail", port);
        Path home = temp.resolve("home");
        Path out = temp.resolve("out");

        // Nothing listens on the port: the e-mail cannot be sent.
        CliRun run = CliRun.of(home, INPUT_ROOTS, "run", "board-by-mail", "--jobs", jobs.toString(), "--as-of", AS_OF, "--out", out.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.DELIVERY_FAILED);
        assertThat(run.out()).contains("FAILED: Could not send the reports by e-mail through 127.0.0.1:" + port)
                .contains("The outputs are not lost");
        assertThat(out.resolve("board-report.pdf")).isRegularFile();
        assertThat(out.resolve(AS_OF).resolve("board-report.pdf")).isRegularFile();
        assertThat(out.resolve(AS_OF).resolve("run-summary.json")).isRegularFile();
        JsonNode summary = new ObjectMapper().readTree(out.resolve("run-summary.json").toFile());
        assertThat(summary.path("delivery").path("email").asText()).startsWith("FAILED: Could not send");
        long id = summary.path("job_execution_id").asLong();
        assertThat(run.out()).contains("restart " + id);

        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        CliRun restarted = CliRun.of(home, INPUT_ROOTS, "restart", Long.toString(id));
        assertThat(restarted.exitCode()).as(restarted.toString()).isZero();
        // Only the delivery ran again; the reports were not rebuilt.
        assertThat(RunHistoryIntegrationTests.steps(out)).containsExactly("deliverOutputs:COMPLETED");
        assertThat(smtp.getReceivedMessages()).hasSize(2);
    }

    private Path writeJob(String name, int port) throws Exception {
        Path jobs = temp.resolve("jobs");
        Files.createDirectories(jobs);
        Files.writeString(jobs.resolve(name + ".yml"), """
                description: Monthly board report
                company: Calibra Instruments, Inc.
                inputs:
                  - path: %s
                as_of: previous-month-end
                reports:
                  - template: board-monthly
                    output: board-report
                delivery:
                  email:
                    to: [board@example.com, owner@example.com]
                    from: reports@revlens.test
                    subject: "{company} board pack as of {as_of}"
                    smtp_host: 127.0.0.1
                    smtp_port: %d
                    attach: true
                """.formatted(Path.of("sample-data").toAbsolutePath(), port));
        return jobs;
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * A server that asks for a login gets the job's login: the right password delivers the message with its
     * attachment, a wrong one fails with the server's reason and delivers nothing.
     */
    @Test
    void aServerWithALoginGetsTheJobsUserAndPassword() throws Exception {
        int port = freePort();
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)).withConfiguration(
                GreenMailConfiguration.aConfig()
                        .withUser("reports@example.com", "revlens", "s3cret"));
        smtp.start();
        Path pdf = Files.writeString(temp.resolve("board-report.pdf"), "%PDF-1.4 test");
        ReportMailer.Mail mail = new ReportMailer.Mail("reports@example.com",
                List.of("board@example.com"), "Board report", "Attached: board-report.pdf", null, List.of(pdf));

        assertThatThrownBy(() -> ReportMailer.send(
                        new ReportMailer.Smtp("127.0.0.1", port, false, "revlens", "wrong"), mail))
                .isInstanceOf(DeliveryException.class)
                .hasMessageStartingWith("Could not send the reports by e-mail");
        assertThat(smtp.getReceivedMessages()).isEmpty();

        ReportMailer.send(
                new ReportMailer.Smtp("127.0.0.1", port, false, "revlens", "s3cret"), mail);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("Board report");
        assertThat(smtp.getReceivedMessages()[0].getContentType()).startsWith("multipart/mixed");
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
