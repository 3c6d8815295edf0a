package dev.apigwinsights.reports.render;

import java.util.List;
import java.util.Objects;

/**
 * A rendered report: the PDF, a file name for it, a mail subject and the headline figures as text
 * lines (the mail body repeats them, so the inbox shows the numbers before anyone opens the PDF).
 */
public record RenderedReport(byte[] pdf, int pages, String fileName, String subject, List<String> headlines) {

    public RenderedReport {
        Objects.requireNonNull(pdf, "pdf");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(subject, "subject");
        headlines = List.copyOf(headlines);
    }
}
