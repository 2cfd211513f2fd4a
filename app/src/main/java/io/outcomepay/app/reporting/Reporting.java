package io.outcomepay.app.reporting;

import io.outcomepay.reports.audit.AuditPackReport;
import io.outcomepay.reports.rendering.Language;
import io.outcomepay.reports.rendering.ReportDocument;
import io.outcomepay.reports.rendering.ReportFormat;
import io.outcomepay.reports.rendering.ReportRenderer;
import io.outcomepay.reports.statement.StatementReport;
import io.outcomepay.reports.vendor.VendorRevenueReport;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.OutputStream;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The three reports, from the read models to files or a download. */
public class Reporting {

    public enum Kind {
        STATEMENT, AUDIT, VENDOR;

        public static Kind of(String name) {
            for (Kind kind : values()) {
                if (kind.name().toLowerCase(Locale.ROOT).equals(name)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("kind: statement, audit or vendor, was '" + name + "'");
        }
    }

    /**
     * What to report on. Statement and audit: a contract month (a statement for one hospital, or
     * for each of the month's hospitals when none is named). Vendor: a vendor over a range of months.
     */
    public record Request(Kind kind, String contractId, YearMonth period, String hospitalId, String vendorId,
                          YearMonth from, YearMonth to) {
    }

    private final ReportData data;
    private final ReportRenderer renderer;
    private final TransactionTemplate transaction;

    public Reporting(ReportData data, ReportRenderer renderer, TransactionTemplate transaction) {
        this.data = data;
        this.renderer = renderer;
        this.transaction = transaction;
    }

    /** Writes the report(s) into the directory. @return the files written */
    public List<Path> render(Request request, ReportFormat format, Language language, Path directory) {
        return transaction.execute(s -> {
            List<Path> written = new ArrayList<>();
            for (ReportDocument document : documents(request, language)) {
                written.addAll(renderer.render(document, format, language, directory));
            }
            return written;
        });
    }

    /** One report as a download; a statement needs its hospital. @return its file name */
    public String fileName(Request request, ReportFormat format, Language language) {
        String stem = switch (request.kind()) {
            case STATEMENT -> StatementReport.fileName("statement", request.contractId(), request.period().toString(),
                    request.hospitalId());
            case AUDIT -> StatementReport.fileName("audit", request.contractId(), request.period().toString());
            case VENDOR -> StatementReport.fileName("vendor", request.vendorId(), request.from().toString(),
                    request.to().toString());
        };
        return stem + "-" + language.code() + "." + (format == ReportFormat.CSV ? "zip" : format.extension());
    }

    public void write(Request request, ReportFormat format, Language language, OutputStream out) {
        if (request.kind() == Kind.STATEMENT && request.hospitalId() == null) {
            throw new IllegalArgumentException("hospital: a statement download is for one hospital");
        }
        transaction.executeWithoutResult(s -> renderer.write(documents(request, language).get(0), format, language, out));
    }

    private List<ReportDocument> documents(Request request, Language language) {
        return switch (request.kind()) {
            case STATEMENT -> {
                ReportData.SettledMonth month = data.settledMonth(request.contractId(), request.period());
                List<String> hospitals = request.hospitalId() == null ? month.hospitals() : List.of(request.hospitalId());
                List<ReportDocument> documents = new ArrayList<>();
                for (String hospital : hospitals) {
                    documents.add(StatementReport.document(data.statement(month, hospital), language));
                }
                yield documents;
            }
            case AUDIT -> List.of(AuditPackReport.document(
                    data.audit(data.settledMonth(request.contractId(), request.period())), language));
            case VENDOR -> List.of(VendorRevenueReport.document(
                    data.vendor(request.vendorId(), request.from(), request.to()), language));
        };
    }
}
