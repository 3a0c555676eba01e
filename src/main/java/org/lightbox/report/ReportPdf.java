package org.lightbox.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.lightbox.request.ImagingRequest;

/**
 * The signed report as a PDF for the referring physician: institution header, patient and study
 * identifiers, the addenda in the order they were signed (above the report they amend, as in the
 * editor), the report text, the signer and time, and on every page the version and content hash.
 * <p>
 * Set in Helvetica, one of the PDF standard fonts every reader has (ISO 32000-1, 9.6.2.2), so nothing
 * is embedded. Its WinAnsi encoding covers Western European names; a character outside it prints as
 * "?" rather than being dropped, so a gap in the text is visible.
 */
public final class ReportPdf {
    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd MMM yyyy HH:mm", Locale.ENGLISH);

    private final ZoneId zone;
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    public ReportPdf(ZoneId zone) {
        this.zone = zone;
    }

    /** Writes the PDF to {@code target}, beside it first and then moved into place: a reader never sees half a PDF. */
    public Path save(ReportDocument doc, Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path partial = Files.createTempFile(absolute.getParent(), ".report-", ".pdf.part");
        try (OutputStream stream = Files.newOutputStream(partial)) {
            write(doc, stream);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return absolute;
    }

    public void write(ReportDocument doc, OutputStream out) throws IOException {
        try (PDDocument pdf = new PDDocument()) {
            PDDocumentInformation info = pdf.getDocumentInformation();
            info.setTitle("Radiology report " + doc.request().accession());
            info.setAuthor(doc.mainVersion().signerName());
            info.setCreator("Lightbox");
            Pages pages = new Pages(pdf);
            header(pages, doc);
            int n = 1;
            for (SignedVersion addendum : doc.addenda()) {
                pages.gap(8);
                pages.line("ADDENDUM " + n++, bold, 12);
                pages.paragraph(addendum.addendum(), regular, 10.5f);
                critical(pages, addendum);
                pages.line("Signed by " + addendum.signerName() + " on " + when(addendum), regular, 9);
            }
            SignedVersion main = doc.mainVersion();
            pages.gap(10);
            pages.line(main.status() == VersionStatus.PRELIMINARY ? "PRELIMINARY REPORT" : "REPORT", bold, 12);
            for (ReportSection s : ReportSection.values()) {
                String text = main.sections().get(s);
                if (!text.isBlank()) {
                    pages.gap(4);
                    pages.line(s.label().toUpperCase(Locale.ROOT), bold, 10);
                    pages.paragraph(text, regular, 10.5f);
                }
            }
            critical(pages, main);
            pages.gap(10);
            pages.line("Electronically signed by " + main.signerName() + " on " + when(main), bold, 10);
            pages.footers(doc);
            pdf.save(out);
        }
    }

    private void header(Pages pages, ReportDocument doc) throws IOException {
        ImagingRequest r = doc.request();
        pages.line(doc.institution(), bold, 16);
        pages.line("Department of Radiology", regular, 10);
        pages.rule();
        pages.line("Patient: " + r.patient().name().display(), bold, 11);
        pages.line("MRN " + r.patient().mrn() + "    Born " + r.patient().birthDate() + "    Sex " + r.patient().sex().label(),
                regular, 10);
        pages.line("Accession " + r.accession() + "    " + r.description() + " (" + r.requestedModality().code() + ")", regular, 10);
        pages.line("Performed " + (r.performedAt() == null ? "-" : WHEN.format(r.performedAt().atZone(zone)))
                + "    Ordered by " + r.orderingClinician(), regular, 10);
        pages.rule();
    }

    private void critical(Pages pages, SignedVersion v) throws IOException {
        if (v.criticalJson() != null) {
            pages.paragraph("CRITICAL RESULT. " + CriticalNotices.fromJson(v.criticalJson()).describe(zone), bold, 10);
        }
    }

    private String when(SignedVersion v) {
        return WHEN.format(v.signedAt().atZone(zone));
    }

    /** Lays lines down the page and starts a new page when one is full. */
    private final class Pages {
        private final PDDocument pdf;
        private PDPageContentStream stream;
        private float y;

        Pages(PDDocument pdf) throws IOException {
            this.pdf = pdf;
            newPage();
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            stream = new PDPageContentStream(pdf, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void gap(float points) {
            y -= points;
        }

        void rule() throws IOException {
            y -= 4;
            stream.moveTo(MARGIN, y);
            stream.lineTo(MARGIN + WIDTH, y);
            stream.setLineWidth(0.5f);
            stream.stroke();
            y -= 10;
        }

        void line(String text, PDType1Font font, float size) throws IOException {
            for (String wrapped : wrap(printable(text, font), font, size)) {
                if (y < MARGIN + 30) {
                    newPage();
                }
                y -= size * 1.35f;
                stream.beginText();
                stream.setFont(font, size);
                stream.newLineAtOffset(MARGIN, y);
                stream.showText(wrapped);
                stream.endText();
            }
        }

        void paragraph(String text, PDType1Font font, float size) throws IOException {
            for (String line : text.split("\n", -1)) {
                if (line.isBlank()) {
                    y -= size * 0.8f;
                } else {
                    line(line, font, size);
                }
            }
        }

        private List<String> wrap(String text, PDType1Font font, float size) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = current.length() == 0 ? word : current + " " + word;
                if (current.length() > 0 && font.getStringWidth(candidate) / 1000 * size > WIDTH) {
                    lines.add(current.toString());
                    current.setLength(0);
                    current.append(word);
                } else {
                    current.setLength(0);
                    current.append(candidate);
                }
            }
            lines.add(current.toString());
            return lines;
        }

        void footers(ReportDocument doc) throws IOException {
            stream.close();
            int total = pdf.getNumberOfPages();
            SignedVersion latest = doc.latest();
            for (int i = 0; i < total; i++) {
                try (PDPageContentStream footer = new PDPageContentStream(pdf, pdf.getPage(i), PDPageContentStream.AppendMode.APPEND,
                        true)) {
                    footer.beginText();
                    footer.setFont(regular, 7.5f);
                    footer.newLineAtOffset(MARGIN, MARGIN - 20);
                    footer.showText("Accession " + doc.request().accession() + "  |  report version " + latest.version()
                            + "  |  SHA-256 " + latest.contentHash().substring(0, 16) + "...  |  page " + (i + 1) + " of " + total);
                    footer.endText();
                }
            }
        }
    }

    /** The text with every character the font cannot encode shown as "?", and tabs as spaces. */
    private static String printable(String text, PDType1Font font) {
        StringBuilder out = new StringBuilder(text.length());
        text.replace('\t', ' ').codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }
}
