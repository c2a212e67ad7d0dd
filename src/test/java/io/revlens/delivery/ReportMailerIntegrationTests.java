package io.revlens.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that asks for a login (GreenMail with one user, on a local port) gets the job's login: the right password
 * delivers the message with its attachment, a wrong one fails with the server's reason and delivers nothing.
 */
class ReportMailerIntegrationTests {

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
    void aServerWithALoginGetsTheJobsUserAndPassword() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("reports@example.com", "revlens", "s3cret"));
        smtp.start();
        Path pdf = Files.writeString(temp.resolve("board-report.pdf"), "%PDF-1.4 test");
        ReportMailer.Mail mail = new ReportMailer.Mail("reports@example.com", List.of("board@example.com"), "Board report",
                "Attached: board-report.pdf", null, List.of(pdf));

        assertThatThrownBy(() -> ReportMailer.send(new ReportMailer.Smtp("127.0.0.1", port, false, "revlens", "wrong"), mail))
                .isInstanceOf(DeliveryException.class).hasMessageStartingWith("Could not send the reports by e-mail");
        assertThat(smtp.getReceivedMessages()).isEmpty();

        ReportMailer.send(new ReportMailer.Smtp("127.0.0.1", port, false, "revlens", "s3cret"), mail);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("Board report");
        assertThat(smtp.getReceivedMessages()[0].getContentType()).startsWith("multipart/mixed");
    }
}
