package io.outcomepay.reports.rendering;

import io.outcomepay.reports.api.LineRow;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportRendererTest {

    @TempDir
    Path scratch;

    private final ReportTemplates templates = new ReportTemplates();

    @Test
    void everyTemplateCompilesFromTheClasspath() {
        ReportTemplates.NAMES.forEach(name -> assertThat(templates.get(name).getName()).isEqualTo(name));
        assertThatThrownBy(() -> templates.get("../x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no report template");
    }

    private static ReportDocument document(Language language) {
        List<Item> items = List.of(Item.money(language.label("item.baseline"), "B", new BigDecimal("30809434.50")),
                Item.rate(language.label("item.savings.rate"), "", new BigDecimal("0.052251")),
                Item.count(language.label("item.encounters"), "", 3462),
                Item.text(language.label("item.hospital"), "", "H002"));
        List<LineRow> lines = IntStream.range(0, 120).mapToObj(i -> new LineRow("E-" + i, "C-" + i, "H002",
                "p" + i, "193", new BigDecimal("1.2345"), new BigDecimal("8024.25"), new BigDecimal(i + ".50"),
                "included", "")).toList();
        return new ReportDocument("test-report", language.label("statement.title"), "contract X · 2026-01",
                "9927113f689d851618d8e9031fe6c2d10d88b27a0846a38544d115031bf66bb4", LocalDate.of(2026, 1, 31),
                List.of(Section.of("rows", "summary", language.label("statement.section.summary"), Item.COLUMNS, items),
                        new Section<>("lines", "lines", language.label("audit.section.lines"), Item.LINE_COLUMNS,
                                lines::stream, true)));
    }

    private byte[] render(ReportFormat format, Language language) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ReportRenderer(templates, scratch).write(document(language), format, language, out);
        return out.toByteArray();
    }

    @Test
    void theSameDataGivesTheSameBytesInAnyTimeZoneAndLocale() throws Exception {
        TimeZone zone = TimeZone.getDefault();
        Locale locale = Locale.getDefault();
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        try {
            for (ReportFormat format : ReportFormat.values()) {
                first.add(sha256(render(format, Language.ZH)));
            }
            TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
            Locale.setDefault(Locale.GERMANY);
            // a clock second later too
            long firstSecond = System.currentTimeMillis() / 1000;
            org.awaitility.Awaitility.await().pollInterval(java.time.Duration.ofMillis(50))
                    .until(() -> System.currentTimeMillis() / 1000 > firstSecond);
            for (ReportFormat format : ReportFormat.values()) {
                second.add(sha256(render(format, Language.ZH)));
            }
        } finally {
            TimeZone.setDefault(zone);
            Locale.setDefault(locale);
        }
        assertThat(second).isEqualTo(first);
        assertThat(first).doesNotHaveDuplicates();
    }

    @Test
    void theChinesePdfHoldsItsLabelsAsTextInAnEmbeddedFontCoveringLatinAndCjk() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(render(ReportFormat.PDF, Language.ZH))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("医院月度结算单", "基准合计", "30,809,434.50", "0.052251", "3,462", "E-119",
                    "结算指纹 (SHA-256): 9927113f689d851618d8e9031fe6c2d10d88b27a0846a38544d115031bf66bb4");
            for (PDPage page : pdf.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    assertThat(font.getName()).contains("WenQuanYi");
                }
            }
            assertThat(pdf.getDocumentInformation().getCreationDate().toInstant().toString())
                    .isEqualTo("2026-01-31T00:00:00Z");
        }
    }

    @Test
    void xlsxKeepsNumbersAsNumbersWithTheirFormat() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(render(ReportFormat.XLSX, Language.EN)))) {
            assertThat(workbook.getSheetName(0)).isEqualTo("summary");
            assertThat(workbook.getSheetName(1)).isEqualTo("lines");
            Cell baseline = cellRightOf(workbook.getSheet("summary"), "Baseline total");
            assertThat(baseline.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(BigDecimal.valueOf(baseline.getNumericCellValue()).setScale(2, java.math.RoundingMode.HALF_UP))
                    .isEqualByComparingTo("30809434.50");
            assertThat(baseline.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            Cell encounters = cellRightOf(workbook.getSheet("summary"), "Encounters");
            assertThat(encounters.getNumericCellValue()).isEqualTo(3462.0);
        }
    }

    @Test
    void csvWritesEachSectionAsATableOfPlainDecimals() throws Exception {
        Path dir = scratch.resolve("csv");
        List<Path> files = new ReportRenderer(templates, scratch).render(document(Language.EN), ReportFormat.CSV,
                Language.EN, dir);
        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly("test-report-en-summary.csv", "test-report-en-lines.csv");
        List<String> summary = Files.readAllLines(files.get(0));
        assertThat(summary).first().isEqualTo("item,detail,text,amount,format");
        assertThat(summary).contains("Baseline total,B,,30809434.50,\"#,##0.00\"");
        assertThat(Files.readAllLines(files.get(1))).hasSize(121).contains("E-7,C-7,H002,p7,193,1.2345,8024.25,7.50,included,");
    }

    @Test
    void aReportAlreadyWrittenFromTheSameInputsIsNotRenderedAgainButAChangedInputOrFileIs() throws Exception {
        Path dir = scratch.resolve("again");
        ReportRenderer renderer = new ReportRenderer(templates, scratch);
        Path pdf = renderer.render(document(Language.EN), ReportFormat.PDF, Language.EN, dir).get(0);
        byte[] first = Files.readAllBytes(pdf);
        java.nio.file.attribute.FileTime written = java.nio.file.attribute.FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(pdf, written);

        renderer.render(document(Language.EN), ReportFormat.PDF, Language.EN, dir);
        assertThat(Files.getLastModifiedTime(pdf)).as("same inputs: kept as written").isEqualTo(written);

        ReportDocument changed = new ReportDocument("test-report", "other title", "contract X · 2026-01",
                document(Language.EN).fingerprint(), LocalDate.of(2026, 1, 31), document(Language.EN).sections());
        renderer.render(changed, ReportFormat.PDF, Language.EN, dir);
        assertThat(Files.getLastModifiedTime(pdf)).as("another input: rendered again").isNotEqualTo(written);
        assertThat(Files.readAllBytes(pdf)).isNotEqualTo(first);

        Files.write(pdf, new byte[]{1, 2, 3});
        renderer.render(document(Language.EN), ReportFormat.PDF, Language.EN, dir);
        assertThat(Files.readAllBytes(pdf)).as("a file changed since: rendered again").isEqualTo(first);
    }

    /** The first numeric or text cell after the one holding the label, in the label's row. */
    private static Cell cellRightOf(Sheet sheet, String label) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(label)) {
                    for (int c = cell.getColumnIndex() + 1; c <= row.getLastCellNum(); c++) {
                        Cell right = row.getCell(c);
                        if (right != null && right.getCellType() == CellType.NUMERIC) {
                            return right;
                        }
                    }
                }
            }
        }
        throw new AssertionError("no number next to '" + label + "' in sheet " + sheet.getSheetName());
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
