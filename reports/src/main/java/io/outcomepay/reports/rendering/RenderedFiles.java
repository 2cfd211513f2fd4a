package io.outcomepay.reports.rendering;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Reports already written from the same inputs are not rendered again. The key of a rendering is
 * SHA-256 over everything the files are made of: format, language, the document's name, title,
 * subject, fingerprint and date, each section's template (its text), columns and every value of
 * every row, and the renderer's own code, fonts and labels. It is kept beside the files (directory {@code .rendered})
 * with each file's SHA-256: when the key and every file are unchanged the files stand as they are.
 */
final class RenderedFiles {

    private static final String DIRECTORY = ".rendered";
    private static final Map<String, String> TEMPLATE_DIGESTS = new ConcurrentHashMap<>();
    /** The renderer's code, fonts and labels: a new build that changes any of them renders again. */
    private static final String CODE = digestOf(Stream.concat(Stream.of("ReportRenderer", "DeterministicPdf",
                    "DeterministicXlsx", "RenderedFiles", "ReportTemplates").map(n -> "/io/outcomepay/reports/rendering/" + n + ".class"),
            Stream.of("/fonts/outcomepay-fonts.xml", "/fonts/wqy-microhei.ttf", "/jasperreports_extension.properties",
                    "/io/outcomepay/reports/labels.properties", "/io/outcomepay/reports/labels_en.properties",
                    "/io/outcomepay/reports/labels_zh.properties")).toList());

    private RenderedFiles() {
    }

    /** The key of rendering the document so. Reads every row once (a cursor is opened and closed). */
    static String key(ReportDocument document, ReportFormat format, Language language) {
        MessageDigest sha = sha256();
        update(sha, fields(new StringBuilder(), "outcomepay-rendered-v1", CODE, format.name(), language.code(),
                document.fileName(), document.title(), document.subject(), document.fingerprint(),
                String.valueOf(document.documentDate())));
        for (Section<?> section : document.sections()) {
            digestSection(sha, section);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static <T> void digestSection(MessageDigest sha, Section<T> section) {
        StringBuilder text = fields(new StringBuilder("\u001d"), section.template(),
                TEMPLATE_DIGESTS.computeIfAbsent(section.template(),
                        t -> digestOf(List.of("/io/outcomepay/reports/templates/" + t + ".jrxml"))),
                section.name(), section.title(), String.valueOf(section.large()));
        section.columns().forEach(c -> fields(text, c.field()));
        update(sha, text);
        try (Stream<T> rows = section.rows().get()) {
            rows.forEach(row -> {
                StringBuilder line = new StringBuilder("\u001e");
                for (Section.Column<T> column : section.columns()) {
                    Object value = column.value().apply(row);
                    fields(line, value == null ? null : value instanceof BigDecimal d ? d.toPlainString() + "@" + d.scale()
                            : value.getClass().getSimpleName() + ":" + value);
                }
                update(sha, line);
            });
        }
    }

    /** Whether the files were written from this key and are as they were written. */
    static boolean unchanged(Path directory, List<Path> files, String key) {
        Path record = record(directory, files);
        try {
            if (!Files.exists(record)) {
                return false;
            }
            List<String> lines = Files.readAllLines(record, StandardCharsets.UTF_8);
            if (lines.size() != files.size() + 1 || !lines.get(0).equals(key)) {
                return false;
            }
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                if (!Files.exists(file) || !lines.get(i + 1).equals(fileDigest(file) + "  " + file.getFileName())) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Records the key and the files written from it. */
    static void remember(Path directory, List<Path> files, String key) {
        Path record = record(directory, files);
        try {
            Files.createDirectories(record.getParent());
            List<String> lines = new ArrayList<>(List.of(key));
            for (Path file : files) {
                lines.add(fileDigest(file) + "  " + file.getFileName());
            }
            Files.write(record, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + record, e);
        }
    }

    private static Path record(Path directory, List<Path> files) {
        return directory.resolve(DIRECTORY).resolve(files.get(0).getFileName() + ".sha256");
    }

    private static String fileDigest(Path file) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static String digestOf(List<String> resources) {
        MessageDigest sha = sha256();
        for (String resource : resources) {
            try (InputStream in = RenderedFiles.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("no resource " + resource);
                }
                sha.update(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Appends each value and a unit separator (null as NUL; a separator in a value escaped). */
    private static StringBuilder fields(StringBuilder text, String... values) {
        for (String value : values) {
            text.append(value == null ? "\u0000" : value.replace("\u001f", "\\u001f")).append('\u001f');
        }
        return text;
    }

    private static void update(MessageDigest sha, StringBuilder text) {
        sha.update(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
