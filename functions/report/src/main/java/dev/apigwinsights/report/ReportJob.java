package dev.apigwinsights.report;

import dev.apigwinsights.reports.ReportBuilder;
import dev.apigwinsights.reports.ReportData;
import dev.apigwinsights.reports.ReportPeriod;
import dev.apigwinsights.reports.ReportRequest;
import dev.apigwinsights.reports.layout.ReportLayouts;
import dev.apigwinsights.reports.mail.ReportMessage;
import dev.apigwinsights.reports.render.PdfReportRenderer;
import dev.apigwinsights.reports.render.RenderedReport;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scheduled run: the API owner's report or every customer's statement for the period the event
 * names. Each report is rendered from the catalog (through the runner the builder holds), stored
 * under {@code reports/} and mailed. A statement that fails does not stop the others; the run then
 * fails at the end, naming them, so the function's error alarm fires.
 */
public final class ReportJob {
    private static final Logger LOG = LoggerFactory.getLogger(ReportJob.class);

    private final ReportSettings settings;
    private final ReportBuilder builder;
    private final PdfReportRenderer renderer;
    private final ReportStore store;
    private final SesMailer mailer;
    private final StatementRecipients statementRecipients;
    private final Clock clock;

    public ReportJob(ReportSettings settings, ReportBuilder builder, PdfReportRenderer renderer, ReportStore store, SesMailer mailer,
                     StatementRecipients statementRecipients, Clock clock) {
        this.settings = settings;
        this.builder = builder;
        this.renderer = renderer;
        this.store = store;
        this.mailer = mailer;
        this.statementRecipients = statementRecipients;
        this.clock = clock;
    }

    /** What a run did, for the function's result and log. */
    public record Outcome(List<Delivered> delivered, List<String> failures) {
    }

    /** One report: where it is stored, to whom it went, and whether as attachment or link. */
    public record Delivered(String key, int pages, int bytes, List<String> recipients, boolean attached) {
    }

    public Outcome run(ReportEvent event) {
        ReportPeriod period = event.period(settings.zone(), clock.instant());
        ReportRequest base = ReportRequest.of(event.kind() == ReportEvent.Kind.SUMMARY ? ReportLayouts.summary() : ReportLayouts.statement(),
                period, settings.project()).withSettings(settings.insightSettings(), settings.currency());
        List<Delivered> delivered = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        if (event.kind() == ReportEvent.Kind.SUMMARY) {
            delivered.add(deliver(base, "summary/", settings.recipients()));
        } else {
            Map<String, Set<String>> recipients = new TreeMap<>(statementRecipients.byCustomer());
            event.customer().ifPresent(c -> recipients.keySet().retainAll(Set.of(c)));
            LOG.info("statements for {} customers with a '{}' tag", recipients.size(), settings.statementTagKey());
            for (Map.Entry<String, Set<String>> e : recipients.entrySet()) {
                try {
                    delivered.add(deliver(base.forCustomer(e.getKey()), "statements/" + safe(e.getKey()) + "/", List.copyOf(e.getValue())));
                } catch (RuntimeException ex) {
                    LOG.error("statement for customer {} failed: {}", e.getKey(), ex.toString());
                    failures.add(e.getKey() + ": " + ex.getMessage());
                }
            }
        }
        return new Outcome(delivered, failures);
    }

    private Delivered deliver(ReportRequest request, String folder, List<String> to) {
        ReportData data = builder.build(request);
        RenderedReport report = renderer.report(data);
        String key = store.put(folder + report.fileName(), report.pdf());
        if (to.isEmpty()) {
            LOG.info("stored {} ({} pages, {} bytes); no recipients configured", key, report.pages(), report.pdf().length);
            return new Delivered(key, report.pages(), report.pdf().length, List.of(), false);
        }
        ReportMessage message = new ReportMessage(settings.sender(), to);
        MimeMessage mail = message.withAttachment(report, clock.instant());
        boolean attached = SesMailer.size(mail) <= settings.attachmentLimit();
        if (!attached) {
            mail = message.withLink(report, store.link(key, settings.linkValidity()), settings.linkValidity(), clock.instant());
        }
        String id = mailer.send(mail, message.sender(), message.recipients());
        LOG.info("stored {} ({} pages, {} bytes) and mailed it to {} recipients ({}), SES message {}", key, report.pages(),
                report.pdf().length, to.size(), attached ? "attached" : "as a link", id);
        return new Delivered(key, report.pages(), report.pdf().length, message.recipients(), attached);
    }

    /** A customer id as one S3 key segment. */
    static String safe(String customer) {
        return customer.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
