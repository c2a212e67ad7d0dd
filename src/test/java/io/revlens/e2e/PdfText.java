package io.revlens.e2e;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** The text of a rendered PDF, and its page count, read with PDFBox. */
record PdfText(String text, int pages) {

    static PdfText of(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PdfText(new PDFTextStripper().getText(document).replaceAll("\\s+", " "), document.getNumberOfPages());
        }
    }

    /** The titles of the PDF's top-level bookmarks (its outline), in order. */
    static java.util.List<String> bookmarks(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            java.util.List<String> titles = new java.util.ArrayList<>();
            var outline = document.getDocumentCatalog().getDocumentOutline();
            if (outline != null) {
                outline.children().forEach(item -> titles.add(item.getTitle()));
            }
            return titles;
        }
    }

    /** Each page's text, whitespace collapsed. */
    static java.util.List<String> pageTexts(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            java.util.List<String> pages = new java.util.ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document).replaceAll("\\s+", " ").strip());
            }
            return pages;
        }
    }
}
