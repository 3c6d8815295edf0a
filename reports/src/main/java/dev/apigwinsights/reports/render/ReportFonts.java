package dev.apigwinsights.reports.render;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The report's one typeface, Inter (SIL Open Font License 1.1), bundled as TrueType files fetched at
 * build time from a pinned npm package. The same bytes serve the page text (openhtmltopdf embeds a
 * subset of each font in the PDF) and the charts: JFreeChart measures its labels with AWT fonts
 * created from these bytes, never with the system's fonts, so layout does not depend on what the
 * machine (or the Lambda runtime, which has no fonts) has installed.
 */
public final class ReportFonts {

    public static final String FAMILY = "Inter";
    private static final String DIR = "/dev/apigwinsights/reports/fonts/";

    private final byte[] regular;
    private final byte[] semiBold;
    private final byte[] bold;
    private final Font awtRegular;
    private final Font awtBold;

    private ReportFonts() {
        this.regular = read("Inter-Regular.ttf");
        this.semiBold = read("Inter-SemiBold.ttf");
        this.bold = read("Inter-Bold.ttf");
        this.awtRegular = awt(regular);
        this.awtBold = awt(bold);
        BundledFontMapper.install(regular);
    }

    /** Loads the bundled fonts; call once and share (the instance is immutable). */
    public static ReportFonts load() {
        return new ReportFonts();
    }

    /**
     * Registers the page fonts of {@code document} with a renderer builder; each is subset and
     * embedded. Glyph substitution (GSUB: ligatures, alternates) is off: PDFBox applies it with
     * regular expressions per text run, which made a ten-page report take seconds, and a report
     * needs no ligatures.
     */
    void register(PdfRendererBuilder builder, PDDocument document) {
        builder.useFont(new PDFontSupplier(face(document, regular)), FAMILY, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
        builder.useFont(new PDFontSupplier(face(document, semiBold)), FAMILY, 600, BaseRendererBuilder.FontStyle.NORMAL, true);
        builder.useFont(new PDFontSupplier(face(document, bold)), FAMILY, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
    }

    private static PDFont face(PDDocument document, byte[] ttf) {
        try {
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(ttf));
            font.setEnableGsub(false);
            return PDType0Font.load(document, font, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the bundled font", e);
        }
    }

    /** A chart font of {@code size} (in CSS pixels, the unit charts are drawn in). */
    public Font chart(float size, boolean isBold) {
        // The style flag tells openhtmltopdf's font mapping which embedded face draws the text.
        return isBold ? awtBold.deriveFont(Font.BOLD, size) : awtRegular.deriveFont(Font.PLAIN, size);
    }

    private static byte[] read(String name) {
        try (InputStream in = ReportFonts.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("font " + DIR + name + " is missing from the build (fetched by the reports module's build)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font " + name, e);
        }
    }

    private static Font awt(byte[] ttf) {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(ttf));
        } catch (FontFormatException | IOException e) {
            // Java's font system (which measures chart labels) needs libfontconfig, though no installed fonts.
            throw new IllegalStateException("cannot load the bundled chart font (" + e.getMessage()
                    + "); Java's font system needs the fontconfig library (Debian/Ubuntu: apt-get install fontconfig;"
                    + " the Lambda java21 runtime has it)", e);
        }
    }
}
