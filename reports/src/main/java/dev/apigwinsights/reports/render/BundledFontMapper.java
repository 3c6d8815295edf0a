package dev.apigwinsights.reports.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.fontbox.FontBoxFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;

/**
 * PDFBox's stand-in for fonts a document does not embed, answered with the bundled font instead of
 * a scan of the machine's fonts. openhtmltopdf declares the standard 14 PDF fonts, and PDFBox then
 * looks for a system substitute: on a workstation that builds a font cache (seconds, on the first
 * report), on Lambda there are no fonts at all. The report embeds every font it draws with, so the
 * substitute is never drawn; it only has to exist (so it is not flagged as a fallback, which would make
 * PDFBox log a warning per standard font and report).
 */
final class BundledFontMapper implements FontMapper {

    private final TrueTypeFont fallback;

    private BundledFontMapper(byte[] ttf) {
        try {
            this.fallback = new TTFParser().parse(new RandomAccessReadBuffer(ttf));
        } catch (IOException e) {
            throw new UncheckedIOException("bundled font is not a TrueType font", e);
        }
    }

    /** Makes the bundled font PDFBox's substitute for every font not embedded (process-wide, idempotent). */
    static synchronized void install(byte[] ttf) {
        if (!(FontMappers.instance() instanceof BundledFontMapper)) {
            FontMappers.set(new BundledFontMapper(ttf));
        }
    }

    @Override
    public FontMapping<TrueTypeFont> getTrueTypeFont(String baseFont, PDFontDescriptor fontDescriptor) {
        return new FontMapping<>(fallback, false);
    }

    @Override
    public FontMapping<FontBoxFont> getFontBoxFont(String baseFont, PDFontDescriptor fontDescriptor) {
        return new FontMapping<>(fallback, false);
    }

    @Override
    public CIDFontMapping getCIDFont(String baseFont, PDFontDescriptor fontDescriptor, PDCIDSystemInfo cidSystemInfo) {
        return new CIDFontMapping(null, fallback, false);
    }
}
