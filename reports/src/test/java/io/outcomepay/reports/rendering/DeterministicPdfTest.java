package io.outcomepay.reports.rendering;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class DeterministicPdfTest {

    @TempDir
    Path dir;

    /** A PDF ending in a cross-reference stream, as large exports do. */
    private Path exported(String name) throws Exception {
        Path file = dir.resolve(name);
        try (PDDocument document = new PDDocument()) {
            for (int i = 0; i < 40; i++) {
                document.addPage(new PDPage());
            }
            document.save(file.toFile(), CompressParameters.DEFAULT_COMPRESSION);
        }
        return file;
    }

    @Test
    void theTrailerKeepsNoneOfTheCrossReferenceStreamsDictionary() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DeterministicPdf.normalize(exported("a.pdf"), out, "identity", LocalDate.of(2026, 1, 31), dir);
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            assertThat(pdf.getDocument().getTrailer().keySet())
                    .doesNotContain(COSName.LENGTH, COSName.FILTER, COSName.TYPE, COSName.W, COSName.INDEX, COSName.PREV,
                            COSName.XREF_STM)
                    .contains(COSName.ID, COSName.INFO, COSName.ROOT);
            assertThat(pdf.getNumberOfPages()).isEqualTo(40);
        }
    }
}
