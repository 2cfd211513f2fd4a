package io.outcomepay.app.reporting;

import io.outcomepay.app.support.UseCases;
import io.outcomepay.app.support.ClaimsFile;
import io.outcomepay.app.support.Contracts;
import io.outcomepay.app.support.IntegrationTest;
import io.outcomepay.billing.settlement.SettlementResult;
import io.outcomepay.claims.intake.IngestingClaims;
import io.outcomepay.reports.rendering.Language;
import io.outcomepay.reports.rendering.ReportFormat;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The three reports from settled data: what they show is what the settlement says. */
class ReportsTest extends IntegrationTest {

    private static final YearMonth JANUARY = YearMonth.of(2026, 1);
    // a hospital of its own: other tests settle January 2026 at their own NPIs
    private static final String NPI = "9876543213";

    @Autowired
    UseCases operations;
    @Autowired
    Reporting reporting;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;
    @TempDir
    Path dir;

    private SettlementResult settled() throws Exception {
        operations.createContract(Contracts.definition("RP-C", NPI + ", RP-H2", "2026-01-01", "6500.00"));
        operations.ingestCsv(ClaimsFile.claims()
                .row("RPT1", NPI, "193", "8000.00").row("RPT2", NPI, "871", "12000.00")
                .row("RPT3", NPI, "193", "9000.00").row("RPT4", "RP-H2", "193", "7000.00")
                .row("RPT5", "RP-H2", "291", "6000.00")
                .row("RPT4R", "RP-H2", "193", "7500.00", "claim_frequency=replacement", "original_claim_id=RPT4")
                .writeTo(dir, "rp-claims.csv"), IngestingClaims.Listener.silent());
        Path remittance = Files.writeString(dir.resolve("rp.835"),
                "ISA*00*          *00*          *ZZ*PAYER          *ZZ*HOSPITAL       *260201*1200*^*00501*000000001*0*T*:~"
                + "GS*HP*PAYER*HOSPITAL*20260201*1200*1*X*005010X221A1~ST*835*0001~BPR*I*6500*C*ACH~TRN*1*1*1~"
                + "N1*PR*PAYER*XV*INS-1~N1*PE*HOSPITAL*XX*" + NPI + "~LX*1~"
                + "CLP*RPT1*1*8000*6500*500*MC*P-RPT1~CAS*CO*45*1000~CAS*PR*1*500~AMT*AU*7000~"
                + "SE*8*0001~GE*1*1~IEA*1*000000001~");
        operations.ingestCsv(remittance, IngestingClaims.Listener.silent());
        return operations.settle("RP-C", JANUARY).result();
    }

    private static Reporting.Request statement(String hospital) {
        return new Reporting.Request(Reporting.Kind.STATEMENT, "RP-C", JANUARY, hospital, null, null, null);
    }

    private byte[] write(Reporting.Request request, ReportFormat format, Language language) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reporting.write(request, format, language, out);
        return out.toByteArray();
    }

    private static String money(BigDecimal amount) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ENGLISH)).format(amount);
    }

    @Test
    void statementAuditPackAndVendorReportShowTheSettlementsNumbers() throws Exception {
        SettlementResult result = settled();
        SettlementResult.Row row = result.hospitals().stream().filter(r -> r.hospitalId().equals(NPI)).findFirst().orElseThrow();

        // the statement, PDF read back: the hospital's totals and split as the settlement has them
        try (PDDocument pdf = Loader.loadPDF(write(statement(NPI), ReportFormat.PDF, Language.EN))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Hospital monthly settlement statement", "Baseline total " + "B = sum")
                    .contains(money(row.baselineTotal()), money(row.actualTotal()), money(row.savings()),
                            money(row.pool()), money(row.insurer()), money(row.hospital()), money(row.vendor()))
                    .contains("Minimum savings rate met", result.fingerprint(), "Groups (included encounters)");
        }
        // ... and as XLSX: numbers as numbers
        try (XSSFWorkbook xlsx = new XSSFWorkbook(new ByteArrayInputStream(write(statement(NPI), ReportFormat.XLSX, Language.EN)))) {
            Map<String, Cell> summary = numbers(xlsx, "summary");
            assertThat(amount(summary.get("Baseline total"))).isEqualByComparingTo(row.baselineTotal());
            assertThat(amount(summary.get("Savings"))).isEqualByComparingTo(row.savings());
            assertThat(amount(summary.get("Vendor share"))).isEqualByComparingTo(row.vendor());
            assertThat(summary.get("Encounters").getNumericCellValue()).isEqualTo(row.encounters());
        }
        // every hospital's statement at once (rendered on every core): the same bytes as one at a time
        List<Path> all = reporting.render(statement(null), ReportFormat.PDF, Language.EN, dir.resolve("all"));
        assertThat(all).extracting(p -> p.getFileName().toString())
                .containsExactly("statement-RP-C-2026-01-" + NPI + "-en.pdf", "statement-RP-C-2026-01-RP-H2-en.pdf");
        assertThat(Files.readAllBytes(all.get(0))).isEqualTo(write(statement(NPI), ReportFormat.PDF, Language.EN));
        assertThat(Files.readAllBytes(all.get(1))).isEqualTo(write(statement("RP-H2"), ReportFormat.PDF, Language.EN));

        // the other hospital's statement lists its corrected encounter; in Chinese with its labels
        try (PDDocument pdf = Loader.loadPDF(write(statement("RP-H2"), ReportFormat.PDF, Language.ZH))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("医院月度结算单", "基准合计", "更正的就诊", "RPT4R", "corrected x1");
        }

        // the audit pack: every encounter line, the trace, the outliers, as CSV sections
        Map<String, List<String>> audit = unzip(write(new Reporting.Request(Reporting.Kind.AUDIT, "RP-C", JANUARY,
                null, null, null, null), ReportFormat.CSV, Language.EN));
        assertThat(audit.keySet()).containsExactly("audit-RP-C-2026-01-en-method.csv", "audit-RP-C-2026-01-en-trace.csv",
                "audit-RP-C-2026-01-en-statistics.csv", "audit-RP-C-2026-01-en-casemix.csv",
                "audit-RP-C-2026-01-en-outliers.csv", "audit-RP-C-2026-01-en-lines.csv");
        Integer facts = jdbc.queryForObject("select count(*) from encounter_fact where contract_id = 'RP-C' and period = '2026-01'",
                Integer.class);
        assertThat(audit.get("audit-RP-C-2026-01-en-lines.csv")).hasSize(facts + 1);
        assertThat(audit.get("audit-RP-C-2026-01-en-trace.csv"))
                .anySatisfy(line -> assertThat(line).startsWith("baseline_total,").contains(result.total().baselineTotal().toPlainString()));
        assertThat(audit.get("audit-RP-C-2026-01-en-statistics.csv")).anySatisfy(line -> assertThat(line).startsWith("Savings rate,"));
        try (PDDocument pdf = Loader.loadPDF(write(new Reporting.Request(Reporting.Kind.AUDIT, "RP-C", JANUARY,
                null, null, null, null), ReportFormat.PDF, Language.EN))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Method and contract terms", "Calculation trace", "Every encounter line", "RPT2")
                    .contains("Settlement fingerprint (SHA-256): " + result.fingerprint());
            assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(6);
        }

        // the vendor report: its share per hospital, what the 835 paid
        Map<String, List<String>> vendor = unzip(write(new Reporting.Request(Reporting.Kind.VENDOR, null, null, null,
                "VENDOR-1", JANUARY, JANUARY), ReportFormat.CSV, Language.EN));
        List<String> revenue = vendor.get("vendor-VENDOR-1-2026-01-2026-01-en-revenue.csv");
        assertThat(revenue.get(0)).isEqualTo("hospital,month,contract,currency,encounters,share,paidClaims,paidAmount,"
                + "unpaidClaims,revision,fingerprint");
        assertThat(revenue).contains(NPI + ",2026-01,RP-C,USD,3," + row.vendor().toPlainString() + ",1,6500.00,2,1,"
                + result.fingerprint());
    }

    @Test
    void reportsAreRefusedForAMonthNotSettledOrChangedSinceAndOverHttpBadParametersAreProblems() throws Exception {
        operations.createContract(Contracts.definition("RQ-C", "RQ-H", "2026-01-01", "6500.00"));
        operations.ingestCsv(ClaimsFile.claims().row("RQ1", "RQ-H", "193", "8000.00").writeTo(dir, "rq.csv"),
                IngestingClaims.Listener.silent());
        Reporting.Request audit = new Reporting.Request(Reporting.Kind.AUDIT, "RQ-C", JANUARY, null, null, null, null);
        assertThatThrownBy(() -> write(audit, ReportFormat.PDF, Language.EN)).hasMessageContaining("has no settlement yet");

        operations.settle("RQ-C", JANUARY);
        HttpResponse<byte[]> pdf = get("/api/reports/statement?contract=RQ-C&period=2026-01&hospital=RQ-H&lang=zh");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("statement-RQ-C-2026-01-RQ-H-zh.pdf");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        HttpResponse<byte[]> again = get("/api/reports/statement?contract=RQ-C&period=2026-01&hospital=RQ-H&lang=zh");
        assertThat(again.body()).isEqualTo(pdf.body());

        HttpResponse<byte[]> badLang = get("/api/reports/audit?contract=RQ-C&period=2026-01&lang=fr");
        assertThat(badLang.statusCode()).isEqualTo(400);
        assertThat(new String(badLang.body(), StandardCharsets.UTF_8)).contains("lang: en or zh");
        HttpResponse<byte[]> badHospital = get("/api/reports/statement?contract=RQ-C&period=2026-01&hospital=NOPE");
        assertThat(badHospital.statusCode()).isEqualTo(400);
        assertThat(new String(badHospital.body(), StandardCharsets.UTF_8)).contains("hospital: NOPE is not in the settlement");

        operations.ingestCsv(ClaimsFile.claims().row("RQ2", "RQ-H", "193", "9000.00").writeTo(dir, "rq2.csv"),
                IngestingClaims.Listener.silent());
        assertThatThrownBy(() -> write(audit, ReportFormat.PDF, Language.EN))
                .hasMessageContaining("changed after revision 1 was settled");
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Each row's label (first non-blank text cell) and the first number to its right. */
    private static Map<String, Cell> numbers(XSSFWorkbook xlsx, String sheet) {
        Map<String, Cell> numbers = new LinkedHashMap<>();
        for (Row row : xlsx.getSheet(sheet)) {
            String label = null;
            for (Cell cell : row) {
                if (label == null && cell.getCellType() == CellType.STRING && !cell.getStringCellValue().isBlank()) {
                    label = cell.getStringCellValue();
                } else if (label != null && cell.getCellType() == CellType.NUMERIC) {
                    numbers.putIfAbsent(label, cell);
                    break;
                }
            }
        }
        return numbers;
    }

    private static BigDecimal amount(Cell cell) {
        return BigDecimal.valueOf(cell.getNumericCellValue()).setScale(2, RoundingMode.HALF_UP);
    }

    private static Map<String, List<String>> unzip(byte[] zip) throws Exception {
        Map<String, List<String>> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new ArrayList<>(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .split("\n"))));
            }
        }
        return files;
    }
}
