package io.revlens.delivery;

import io.revlens.model.Failures;
import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Sends a run's reports by e-mail through an SMTP server: Spring's mail sender over Jakarta Mail, which connects
 * with the login when one is given.
 */
public final class ReportMailer {

    /** Where and how to send: the server, the sender and recipients, and the optional login. */
    public record Smtp(String host, int port, boolean startTls, String username, String password) {
    }

    /**
     * The attachment's MIME type by its extension: the JDK's own table knows neither PDF nor xlsx, and a mail client
     * offers an application/octet-stream part as a download instead of opening it.
     */
    static String contentType(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".pdf")) {
            return "application/pdf";
        }
        if (name.endsWith(".xlsx")) {
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        }
        if (name.endsWith(".csv")) {
            return "text/csv";
        }
        return "application/octet-stream";
    }

    /**
     * One message: subject, plain-text body, an HTML body (null: text only; else the text is its alternative for
     * clients that show no HTML), and the files to attach (none: the body lists where they are).
     */
    public record Mail(String from, List<String> to, String subject, String body, String html, List<Path> attachments) {
    }

    private ReportMailer() {
    }

    /** Sends the message; the exception's message names the server and the reason. */
    public static void send(Smtp smtp, Mail mail) throws DeliveryException {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(smtp.host());
        sender.setPort(smtp.port());
        Properties properties = new Properties();
        properties.put("mail.smtp.connectiontimeout", "20000");
        properties.put("mail.smtp.timeout", "60000");
        properties.put("mail.smtp.writetimeout", "60000");
        if (smtp.startTls()) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        if (smtp.username() != null) {
            properties.put("mail.smtp.auth", "true");
            sender.setUsername(smtp.username());
            sender.setPassword(smtp.password() == null ? "" : smtp.password());
        }
        sender.setJavaMailProperties(properties);
        try {
            MimeMessage message = sender.createMimeMessage();
            message.setFrom(new InternetAddress(mail.from()));
            for (String to : mail.to()) {
                message.addRecipient(Message.RecipientType.TO, new InternetAddress(to));
            }
            message.setSubject(mail.subject(), "UTF-8");
            message.setSentDate(new Date());
            MimeMultipart content = new MimeMultipart();
            MimeBodyPart body = new MimeBodyPart();
            if (mail.html() == null) {
                body.setText(mail.body(), "UTF-8");
            } else {
                MimeMultipart alternatives = new MimeMultipart("alternative");
                MimeBodyPart text = new MimeBodyPart();
                text.setText(mail.body(), "UTF-8");
                alternatives.addBodyPart(text);
                MimeBodyPart html = new MimeBodyPart();
                html.setContent(mail.html(), "text/html; charset=UTF-8");
                alternatives.addBodyPart(html);
                body.setContent(alternatives);
            }
            content.addBodyPart(body);
            for (Path file : mail.attachments()) {
                MimeBodyPart attachment = new MimeBodyPart();
                String type = contentType(file);
                attachment.setDataHandler(new DataHandler(new FileDataSource(file.toFile()) {
                    @Override
                    public String getContentType() {
                        return type;
                    }
                }));
                attachment.setFileName(file.getFileName().toString());
                content.addBodyPart(attachment);
            }
            message.setContent(content);
            sender.send(message);
        } catch (MessagingException | MailException e) {
            throw new DeliveryException("Could not send the reports by e-mail through " + smtp.host() + ":" + smtp.port()
                    + " to " + mail.to() + ": " + Failures.innermostMessage(e) + ". The outputs are not lost; resend with ./revlens restart <id>", e);
        }
    }
}
