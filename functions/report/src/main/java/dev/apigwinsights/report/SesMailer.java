package dev.apigwinsights.report;

import dev.apigwinsights.reports.mail.ReportMessage;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** Sends a report mail through SES v2 as raw MIME (the only way to attach a file). */
public final class SesMailer {

    private final SesV2Client ses;
    private final Optional<String> configurationSet;

    public SesMailer(SesV2Client ses, Optional<String> configurationSet) {
        this.ses = ses;
        this.configurationSet = configurationSet;
    }

    /** Sends {@code message}; returns SES's message id. */
    public String send(MimeMessage message, String from, List<String> to) {
        byte[] raw = ReportMessage.bytes(message);
        return ses.sendEmail(b -> {
            b.fromEmailAddress(from)
                    .destination(d -> d.toAddresses(to))
                    .content(c -> c.raw(r -> r.data(SdkBytes.fromByteArray(raw))));
            configurationSet.ifPresent(b::configurationSetName);
        }).messageId();
    }

    /** The size SES counts: the raw message as sent. */
    public static int size(MimeMessage message) {
        return ReportMessage.bytes(message).length;
    }
}
