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

    /** The PDF's bookmarks (top level and below, in order) with the page, counted from 1, each one opens. */
    static java.util.Map<String, Integer> bookmarkPages(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            java.util.Map<String, Integer> pages = new java.util.LinkedHashMap<>();
            var outline = document.getDocumentCatalog().getDocumentOutline();
            if (outline != null) {
                addPages(document, outline.children(), pages);
            }
            return pages;
        }
    }

    private static void addPages(PDDocument document, Iterable<org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem> items,
                                 java.util.Map<String, Integer> pages) throws IOException {
        for (var item : items) {
            pages.put(item.getTitle(), document.getPages().indexOf(item.findDestinationPage(document)) + 1);
            addPages(document, item.children(), pages);
        }
    }

    /**
     * How far down each page's body (between the page header's rule and the footer's, at 62 and 796 points of an A4
     * page) something is drawn, as a share of the body's height: 0.1 for a page with two table rows.
     */
    static java.util.List<Double> filledShares(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            var renderer = new org.apache.pdfbox.rendering.PDFRenderer(document);
            float scale = 0.5f; // a pixel per two points
            int top = Math.round(62 * scale) + 1;
            int bottom = Math.round(796 * scale) - 2;
            java.util.List<Double> shares = new java.util.ArrayList<>();
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                var image = renderer.renderImage(page, scale, org.apache.pdfbox.rendering.ImageType.GRAY);
                int lowest = top;
                for (int y = top; y < bottom; y++) {
                    for (int x = 0; x < image.getWidth(); x++) {
                        if ((image.getRGB(x, y) & 0xFF) < 235) {
                            lowest = y;
                            break;
                        }
                    }
                }
                shares.add((lowest - top) / (double) (bottom - top));
            }
            return shares;
        }
    }

    /** The bounds (PDF points, origin bottom left) of each line a page strokes in the given colour. */
    static java.util.List<java.awt.geom.Rectangle2D> strokes(Path pdf, int page, java.awt.Color colour) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            java.util.List<java.awt.geom.Rectangle2D> found = new java.util.ArrayList<>();
            var pdPage = document.getPage(page - 1);
            new org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine(pdPage) {
                private final java.awt.geom.GeneralPath path = new java.awt.geom.GeneralPath();

                @Override public void appendRectangle(java.awt.geom.Point2D p0, java.awt.geom.Point2D p1, java.awt.geom.Point2D p2,
                                                      java.awt.geom.Point2D p3) {
                    path.moveTo(p0.getX(), p0.getY());
                    path.lineTo(p2.getX(), p2.getY());
                }
                @Override public void moveTo(float x, float y) { path.moveTo(x, y); }
                @Override public void lineTo(float x, float y) { path.lineTo(x, y); }
                @Override public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) { path.curveTo(x1, y1, x2, y2, x3, y3); }
                @Override public java.awt.geom.Point2D getCurrentPoint() { return path.getCurrentPoint(); }
                @Override public void closePath() { path.closePath(); }
                @Override public void endPath() { path.reset(); }
                @Override public void fillPath(int windingRule) { path.reset(); }
                @Override public void fillAndStrokePath(int windingRule) { path.reset(); }
                @Override public void drawImage(org.apache.pdfbox.pdmodel.graphics.image.PDImage image) { }
                @Override public void clip(int windingRule) { }
                @Override public void shadingFill(org.apache.pdfbox.cos.COSName shadingName) { }

                @Override
                public void strokePath() throws IOException {
                    int rgb = getGraphicsState().getStrokingColor().toRGB();
                    if ((rgb & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF) && path.getCurrentPoint() != null) {
                        found.add(path.getBounds2D());
                    }
                    path.reset();
                }

                void run() throws IOException {
                    processPage(pdPage);
                }
            }.run();
            return found;
        }
    }

    /** The pages, counted from 1, that the links on a page go to (internal links only). */
    static java.util.List<Integer> linkTargets(Path pdf, int page) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            java.util.List<Integer> targets = new java.util.ArrayList<>();
            for (var annotation : document.getPage(page - 1).getAnnotations()) {
                if (annotation instanceof org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink link
                        && link.getAction() instanceof org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo goTo
                        && goTo.getDestination() instanceof org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination destination) {
                    targets.add(destination.retrievePageNumber() + 1);
                } else if (annotation instanceof org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink link
                        && link.getDestination() instanceof org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination destination) {
                    targets.add(destination.retrievePageNumber() + 1);
                }
            }
            return targets;
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
