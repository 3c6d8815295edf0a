package dev.apigwinsights.reports.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Objects;
import java.util.Properties;

/**
 * Sends a report mail over SMTP (local mode's stand-in for SES): plain or with STARTTLS required,
 * with or without authentication. The password comes from the caller (the CLI reads it from an
 * environment variable, never from a flag that would land in the shell history).
 */
public final class SmtpSender {

    /** Where and how to connect; {@code user} null sends without authentication. */
    public record Settings(String host, int port, boolean startTls, String user, String password, int timeoutMillis) {
        public Settings {
            Objects.requireNonNull(host, "host");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("SMTP port must be 1-65535: " + port);
            }
            if (user != null && password == null) {
                throw new IllegalArgumentException("an SMTP user needs a password");
            }
        }

        /** Parses {@code host:port} (port 25 when absent). */
        public static Settings parse(String hostPort, boolean startTls, String user, String password) {
            String host = hostPort;
            int port = 25;
            int colon = hostPort.lastIndexOf(':');
            if (colon > 0 && hostPort.indexOf(']') < colon) {
                host = hostPort.substring(0, colon);
                try {
                    port = Integer.parseInt(hostPort.substring(colon + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--smtp takes host:port, not '" + hostPort + "'");
                }
            }
            return new Settings(host.replace("[", "").replace("]", ""), port, startTls, user, password, 30_000);
        }
    }

    private final Settings settings;

    public SmtpSender(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public void send(MimeMessage message) throws MessagingException {
        Properties p = new Properties();
        p.put("mail.smtp.host", settings.host());
        p.put("mail.smtp.port", String.valueOf(settings.port()));
        p.put("mail.smtp.connectiontimeout", String.valueOf(settings.timeoutMillis()));
        p.put("mail.smtp.timeout", String.valueOf(settings.timeoutMillis()));
        p.put("mail.smtp.writetimeout", String.valueOf(settings.timeoutMillis()));
        if (settings.startTls()) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
            p.put("mail.smtp.ssl.checkserveridentity", "true");
        }
        p.put("mail.smtp.auth", String.valueOf(settings.user() != null));
        Session session = Session.getInstance(p);
        try (Transport transport = session.getTransport("smtp")) {
            if (settings.user() != null) {
                transport.connect(settings.host(), settings.port(), settings.user(), settings.password());
            } else {
                transport.connect();
            }
            transport.sendMessage(message, message.getAllRecipients());
        }
    }
}
