package io.outcomepay.reports.rendering;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Comparator;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes an exported PDF depend on its content only. The PDF library stamps the clock's time as the
 * creation and modification dates, draws a random file id and random six-letter tags for the
 * embedded font subsets; here the dates become the document date (midnight UTC), the id a SHA-256
 * of what the report is, and the tags AAAAAA, AAAAAB... in the order of the font objects.
 */
final class DeterministicPdf {

    private static final Pattern SUBSET_TAG = Pattern.compile("^([A-Z]{6})\\+(.*)$");

    private DeterministicPdf() {
    }

    static void normalize(Path pdf, OutputStream out, String identity, LocalDate documentDate, Path scratch)
            throws IOException {
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBufferedFile(pdf.toFile()), "", null, null,
                IOUtils.createTempFileOnlyStreamCache())) {
            Calendar date = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            date.clear();
            date.set(documentDate.getYear(), documentDate.getMonthValue() - 1, documentDate.getDayOfMonth());
            PDDocumentInformation info = document.getDocumentInformation();
            info.setCreationDate(date);
            info.setModificationDate(date);
            renameSubsets(document);
            byte[] id = Arrays.copyOf(sha256(identity), 16);
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            COSDictionary trailer = document.getDocument().getTrailer();
            trailer.setItem(COSName.ID, ids);
            // a large export ends with a cross-reference stream, whose dictionary (its compressed length
            // among it) the trailer inherits: that length is not content, and differs from run to run
            for (COSName stale : List.of(COSName.LENGTH, COSName.FILTER, COSName.TYPE, COSName.W, COSName.INDEX,
                    COSName.DECODE_PARMS, COSName.PREV, COSName.XREF_STM)) {
                trailer.removeItem(stale);
            }
            document.save(out, CompressParameters.NO_COMPRESSION);
        }
    }

    /** Every font and font descriptor naming a subset gets the tag of its subset's rank. */
    private static void renameSubsets(PDDocument document) throws IOException {
        List<COSObject> fonts = new ArrayList<>(document.getDocument().getObjectsByType(COSName.FONT));
        fonts.addAll(document.getDocument().getObjectsByType(COSName.FONT_DESC));
        fonts.sort(Comparator.comparingLong((COSObject o) -> o.getKey().getNumber())
                .thenComparingInt(o -> o.getKey().getGeneration()));
        Map<String, String> tags = new LinkedHashMap<>();
        for (COSObject object : fonts) {
            COSBase base = object.getObject();
            if (base instanceof COSDictionary dictionary) {
                rename(dictionary, COSName.BASE_FONT, tags);
                rename(dictionary, COSName.FONT_NAME, tags);
            }
        }
    }

    private static void rename(COSDictionary dictionary, COSName key, Map<String, String> tags) {
        COSName name = dictionary.getCOSName(key);
        if (name == null) {
            return;
        }
        Matcher matcher = SUBSET_TAG.matcher(name.getName());
        if (matcher.matches()) {
            String tag = tags.computeIfAbsent(matcher.group(1), random -> tag(tags.size()));
            dictionary.setName(key, tag + "+" + matcher.group(2));
        }
    }

    /** AAAAAA, AAAAAB, ... */
    private static String tag(int rank) {
        char[] letters = new char[6];
        for (int i = 5; i >= 0; i--) {
            letters[i] = (char) ('A' + rank % 26);
            rank /= 26;
        }
        return new String(letters);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
