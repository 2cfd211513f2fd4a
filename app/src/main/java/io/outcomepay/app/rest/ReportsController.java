package io.outcomepay.app.rest;

import io.outcomepay.app.config.Months;
import io.outcomepay.app.reporting.Reporting;
import io.outcomepay.reports.rendering.Language;
import io.outcomepay.reports.rendering.ReportFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.ByteArrayOutputStream;
import java.time.YearMonth;

/**
 * The reports as downloads: PDF, XLSX, or the CSV sections zipped. The document is rendered before
 * the response starts, so an error comes back as a problem detail, not as half a file.
 */
@RestController
@RequestMapping("/api/reports")
public class ReportsController {

    private final Reporting reporting;

    public ReportsController(Reporting reporting) {
        this.reporting = reporting;
    }

    /** A hospital's monthly settlement statement of the month's latest settled revision. */
    @GetMapping("/statement")
    public ResponseEntity<byte[]> statement(@RequestParam String contract, @RequestParam String period,
                                            @RequestParam String hospital, @RequestParam(defaultValue = "pdf") String format,
                                            @RequestParam(defaultValue = "en") String lang) {
        return download(new Reporting.Request(Reporting.Kind.STATEMENT, contract, Months.parse("period:", period),
                hospital, null, null, null), format, lang);
    }

    /** The insurer's audit pack of a contract month. */
    @GetMapping("/audit")
    public ResponseEntity<byte[]> audit(@RequestParam String contract, @RequestParam String period,
                                        @RequestParam(defaultValue = "pdf") String format,
                                        @RequestParam(defaultValue = "en") String lang) {
        return download(new Reporting.Request(Reporting.Kind.AUDIT, contract, Months.parse("period:", period),
                null, null, null, null), format, lang);
    }

    /** A vendor's revenue per hospital and month, from..to inclusive. */
    @GetMapping("/vendor")
    public ResponseEntity<byte[]> vendor(@RequestParam String vendor, @RequestParam String from, @RequestParam String to,
                                         @RequestParam(defaultValue = "pdf") String format,
                                         @RequestParam(defaultValue = "en") String lang) {
        YearMonth first = Months.parse("from:", from);
        return download(new Reporting.Request(Reporting.Kind.VENDOR, null, null, null, vendor, first,
                Months.parse("to:", to)), format, lang);
    }

    private ResponseEntity<byte[]> download(Reporting.Request request, String format, String lang) {
        ReportFormat reportFormat = ReportFormat.of(format);
        Language language = Language.of(lang);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        reporting.write(request, reportFormat, language, body);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(reportFormat.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(reporting.fileName(request, reportFormat, language)).build().toString())
                .body(body.toByteArray());
    }
}
