package dev.apigwinsights.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** A rendered PDF read back the way a person reads it: the text of each page (PDFBox's extractor). */
final class PdfText {

    private final List<String> pages;

    private PdfText(List<String> pages) {
        this.pages = pages;
    }

    static PdfText of(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<String> pages = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            // Top to bottom, left to right, as the page reads (the footer's page numbers are drawn last).
            stripper.setSortByPosition(true);
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                // One space for any run of white space: table cells and wrapped lines read as words.
                pages.add(stripper.getText(doc).replaceAll("\\s+", " ").trim());
            }
            return new PdfText(pages);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> pages() {
        return pages;
    }

    String page(int oneBased) {
        return pages.get(oneBased - 1);
    }

    String all() {
        return String.join(" ", pages);
    }

    /** The 1-based numbers of the pages whose text contains {@code text}. */
    List<Integer> pagesWith(String text) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).contains(text)) {
                found.add(i + 1);
            }
        }
        return found;
    }
}
