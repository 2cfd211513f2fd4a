package io.outcomepay.reports.rendering;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Makes an exported XLSX depend on its content only: every zip entry gets the document date as its
 * time (the exporter leaves the clock's), the workbook's created and modified properties the
 * document date, and pictures ids numbered in order.
 */
final class DeterministicXlsx {

    private static final Pattern DRAWING_ID = Pattern.compile("<xdr:cNvPr id=\"\\d+\"");
    private static final Pattern CREATED = Pattern.compile("(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)");

    private DeterministicXlsx() {
    }

    /** The document date as a zip entry time: midnight, read the same in every time zone. */
    static long entryTime(LocalDate documentDate) {
        // zip times are local date-times; java.util.zip converts with the default time zone, so the
        // value is computed for it to come out as midnight of the date wherever this runs
        return documentDate.atStartOfDay().atZone(java.util.TimeZone.getDefault().toZoneId()).toInstant().toEpochMilli();
    }

    static void normalize(Path xlsx, OutputStream out, LocalDate documentDate) throws IOException {
        long time = entryTime(documentDate);
        String instant = documentDate.atStartOfDay().toInstant(ZoneOffset.UTC).toString();
        try (InputStream in = Files.newInputStream(xlsx); ZipInputStream zipIn = new ZipInputStream(in)) {
            ZipOutputStream zipOut = new ZipOutputStream(out);
            for (ZipEntry entry = zipIn.getNextEntry(); entry != null; entry = zipIn.getNextEntry()) {
                byte[] content = zipIn.readAllBytes();
                if (entry.getName().equals("docProps/core.xml")) {
                    content = CREATED.matcher(new String(content, StandardCharsets.UTF_8))
                            .replaceAll("$1" + instant + "$3").getBytes(StandardCharsets.UTF_8);
                } else if (entry.getName().startsWith("xl/drawings/") && entry.getName().endsWith(".xml")) {
                    // pictures (charts) get ids from object hash codes: number them in order instead
                    int[] next = {1};
                    content = DRAWING_ID.matcher(new String(content, StandardCharsets.UTF_8))
                            .replaceAll(m -> "<xdr:cNvPr id=\"" + next[0]++ + "\"").getBytes(StandardCharsets.UTF_8);
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(time);
                zipOut.putNextEntry(copy);
                zipOut.write(content);
                zipOut.closeEntry();
            }
            zipOut.finish();
        }
    }
}
