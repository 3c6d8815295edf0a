package dev.apigwinsights.reports.render;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.render.DefaultObjectDrawerFactory;
import dev.apigwinsights.insights.Insights;
import dev.apigwinsights.reports.ReportData;
import org.apache.pdfbox.pdmodel.PDDocument;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Renders a report to PDF: the view ({@link ReportViewBuilder}) goes through the Mustache template
 * {@code templates/report.html} and its stylesheet {@code templates/report.css} (CSS paged media:
 * A4, running footer with "Page X of Y", repeating table headers, charts kept whole), and
 * openhtmltopdf lays it out on PDFBox with the bundled fonts embedded. Charts are drawn as vectors
 * by {@link ChartObjectDrawer}. Build once (templates and fonts are loaded here) and reuse; one
 * render at a time per thread.
 */
public final class PdfReportRenderer {

    private static final String TEMPLATES = "dev/apigwinsights/reports/templates/";

    private final Insights insights;
    private final ReportFonts fonts;
    private final Mustache template;
    private final String css;

    public PdfReportRenderer(Insights insights, ReportFonts fonts) {
        this.insights = Objects.requireNonNull(insights, "insights");
        this.fonts = Objects.requireNonNull(fonts, "fonts");
        this.template = new DefaultMustacheFactory(TEMPLATES).compile("report.html");
        this.css = resource("report.css");
        Slf4jXRLogger.install();
    }

    /** The PDF of {@code data}. */
    public byte[] render(ReportData data) {
        return report(data).pdf();
    }

    /** The PDF of {@code data} with its file name, mail subject and headline figures. */
    public RenderedReport report(ReportData data) {
        ReportViewBuilder.Built built = new ReportViewBuilder(insights, fonts).build(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        int pages = write(built, out);
        byte[] pdf = out.toByteArray();
        ReportView view = built.view();
        List<String> headlines = new ArrayList<>();
        view.sections().stream().flatMap(s -> s.blocks().stream()).filter(b -> b.kpis() != null).findFirst()
                .ifPresent(b -> b.kpis().tiles().forEach(t -> headlines.add(String.format(Locale.ENGLISH, "%-14s %s%s", t.label(), t.value(),
                        t.change() == null ? "" : " (" + t.change() + ")"))));
        String request = data.request().customer().map(c -> "-" + c.replaceAll("[^A-Za-z0-9._-]", "_")).orElse("");
        String fileName = "apigw-insights-" + data.request().project() + "-" + data.request().layout().id() + request + "-"
                + data.request().period().fileStem() + ".pdf";
        String subject = view.title() + " · " + view.project() + (view.customer() == null ? "" : " · " + view.customer()) + " · " + view.period();
        return new RenderedReport(pdf, pages, fileName, subject, headlines);
    }

    /** Lays out and writes the PDF; returns its page count. */
    private int write(ReportViewBuilder.Built built, OutputStream out) {
        String html = html(built.view());
        DefaultObjectDrawerFactory drawers = new DefaultObjectDrawerFactory();
        drawers.registerDrawer(ChartObjectDrawer.TYPE, new ChartObjectDrawer(built.charts()));
        try (PDDocument document = new PDDocument()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePDDocument(document);
            fonts.register(builder, document);
            builder.useObjectDrawerFactory(drawers);
            builder.withHtmlContent(html, null);
            builder.withProducer("apigw-insights");
            builder.toStream(out);
            builder.run();
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report PDF", e);
        }
    }

    /** The XHTML the PDF is laid out from (what a reviewer of the template looks at). */
    public String html(ReportData data) {
        return html(new ReportViewBuilder(insights, fonts).build(data).view());
    }

    private String html(ReportView view) {
        Map<String, Object> scope = new HashMap<>();
        scope.put("css", css);
        StringWriter w = new StringWriter(64 * 1024);
        template.execute(w, new Object[] {view, scope});
        return w.toString();
    }

    private static String resource(String name) {
        try (InputStream in = PdfReportRenderer.class.getClassLoader().getResourceAsStream(TEMPLATES + name)) {
            if (in == null) {
                throw new IllegalStateException("missing template resource " + TEMPLATES + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
