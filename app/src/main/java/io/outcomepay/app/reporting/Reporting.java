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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
        if (request.kind() == Kind.AUDIT) {
            // an audit pack streams its lines from a database cursor: rendered inside the transaction
            return transaction.execute(s -> renderer.render(documents(request, language).get(0), format, language, directory));
        }
        return renderInParallel(transaction.execute(s -> documents(request, language)), format, language, directory);
    }

    /**
     * Documents whose data is in memory (statements, vendor reports), rendered on every core; the
     * files are listed in the documents' order and each file's bytes do not depend on the threads.
     */
    private List<Path> renderInParallel(List<ReportDocument> documents, ReportFormat format, Language language,
                                        Path directory) {
        int threads = Math.min(documents.size(), Runtime.getRuntime().availableProcessors());
        if (threads <= 1) {
            List<Path> written = new ArrayList<>();
            documents.forEach(d -> written.addAll(renderer.render(d, format, language, directory)));
            return written;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Path>>> rendered = new ArrayList<>();
            for (ReportDocument document : documents) {
                rendered.add(pool.submit(() -> renderer.render(document, format, language, directory)));
            }
            List<Path> written = new ArrayList<>();
            for (Future<List<Path>> files : rendered) {
                written.addAll(files.get());
            }
            return written;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering reports", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
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
                yield data.statements(month, hospitals).stream().map(s -> StatementReport.document(s, language)).toList();
            }
            case AUDIT -> List.of(AuditPackReport.document(
                    data.audit(data.settledMonth(request.contractId(), request.period())), language));
            case VENDOR -> List.of(VendorRevenueReport.document(
                    data.vendor(request.vendorId(), request.from(), request.to()), language));
        };
    }
}
