package dev.apigwinsights.reports.mail;

import dev.apigwinsights.reports.render.RenderedReport;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;

/**
 * The mail that carries a report, as one MIME message for every transport (SES v2 raw content in
 * the Lambda, SMTP locally): a plain-text body with the headline figures and either the PDF as an
 * attachment or, for a PDF too large to attach, a link to it.
 */
public final class ReportMessage {

    private final InternetAddress from;
    private final List<InternetAddress> to;

    /**
     * @throws IllegalArgumentException for an address that is not one (a user-facing message)
     */
    public ReportMessage(String from, List<String> to) {
        this.from = address(from);
        if (to.isEmpty()) {
            throw new IllegalArgumentException("a report mail needs at least one recipient");
        }
        List<InternetAddress> list = new ArrayList<>();
        for (String t : to) {
            list.add(address(t));
        }
        this.to = List.copyOf(list);
    }

    public List<String> recipients() {
        return to.stream().map(InternetAddress::getAddress).toList();
    }

    public String sender() {
        return from.getAddress();
    }

    /** The report with its PDF attached. */
    public MimeMessage withAttachment(RenderedReport report, Instant sentAt) {
        String body = body(report) + "The full report is attached (" + report.fileName() + ", " + report.pages() + " pages).\n";
        return message(report.subject(), body, report, sentAt);
    }

    /** The report as a link to the stored PDF, valid for {@code validity} (for a PDF too large to attach). */
    public MimeMessage withLink(RenderedReport report, URI link, Duration validity, Instant sentAt) {
        String body = body(report) + String.format(Locale.ENGLISH,
                "The full report (%s, %d pages, %.1f MB) is too large to attach. Download it within %s:%n%s%n",
                report.fileName(), report.pages(), report.pdf().length / 1e6, human(validity), link);
        return message(report.subject(), body, null, sentAt);
    }

    private MimeMessage message(String subject, String body, RenderedReport attachment, Instant sentAt) {
        try {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
            m.setFrom(from);
            m.setRecipients(jakarta.mail.Message.RecipientType.TO, to.toArray(InternetAddress[]::new));
            m.setSubject(subject, StandardCharsets.UTF_8.name());
            m.setSentDate(java.util.Date.from(sentAt));
            MimeMultipart parts = new MimeMultipart("mixed");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(body, StandardCharsets.UTF_8.name(), "plain");
            parts.addBodyPart(text);
            if (attachment != null) {
                MimeBodyPart pdf = new MimeBodyPart();
                pdf.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.pdf(), "application/pdf")));
                pdf.setFileName(attachment.fileName());
                pdf.setDisposition(jakarta.mail.Part.ATTACHMENT);
                parts.addBodyPart(pdf);
            }
            m.setContent(parts);
            m.saveChanges();
            return m;
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot build the report mail", e);
        }
    }

    /** The message as raw MIME bytes (what SES v2's raw content and an SMTP DATA command carry). */
    public static byte[] bytes(MimeMessage message) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot write the report mail", e);
        }
    }

    private static String body(RenderedReport report) {
        StringBuilder b = new StringBuilder(report.subject()).append("\n\n");
        for (String line : report.headlines()) {
            b.append(line).append('\n');
        }
        return b.append('\n').toString();
    }

    private static String human(Duration d) {
        if (d.toDays() >= 1 && d.toHours() % 24 == 0) {
            return d.toDays() + (d.toDays() == 1 ? " day" : " days");
        }
        return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
    }

    private static InternetAddress address(String text) {
        Objects.requireNonNull(text, "address");
        try {
            InternetAddress a = new InternetAddress(text.trim(), true);
            a.validate();
            return a;
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IllegalArgumentException("not an email address: '" + text + "'");
        }
    }
}
