package io.outcomepay.reports.vendor;

import io.outcomepay.reports.api.VendorInput;
import io.outcomepay.reports.audit.AuditPackReport.ChartPoint;
import io.outcomepay.reports.rendering.Item;
import io.outcomepay.reports.rendering.Language;
import io.outcomepay.reports.rendering.ReportDocument;
import io.outcomepay.reports.rendering.Section;
import io.outcomepay.reports.statement.StatementReport;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The vendor's revenue report over a range of months: per hospital and month its share, with the
 * encounters whose claims the payer has paid (835 remittances) and those still unpaid; a chart of
 * the share per month; totals per hospital and currency.
 */
public final class VendorRevenueReport {

    private VendorRevenueReport() {
    }

    public static ReportDocument document(VendorInput in, Language language) {
        List<Section<?>> sections = new ArrayList<>();
        sections.add(Section.of("vendor", "revenue", language.label("vendor.section.revenue"), List.of(
                new Section.Column<VendorInput.Line>("hospital", VendorInput.Line::hospitalId),
                new Section.Column<VendorInput.Line>("month", VendorInput.Line::month),
                new Section.Column<VendorInput.Line>("contract", VendorInput.Line::contractId),
                new Section.Column<VendorInput.Line>("currency", VendorInput.Line::currency),
                new Section.Column<VendorInput.Line>("encounters", VendorInput.Line::encounters),
                new Section.Column<VendorInput.Line>("share", VendorInput.Line::share),
                new Section.Column<VendorInput.Line>("paidClaims", VendorInput.Line::paidClaims),
                new Section.Column<VendorInput.Line>("paidAmount", VendorInput.Line::paidAmount),
                new Section.Column<VendorInput.Line>("unpaidClaims", VendorInput.Line::unpaidClaims),
                new Section.Column<VendorInput.Line>("revision", VendorInput.Line::revision),
                new Section.Column<VendorInput.Line>("fingerprint", VendorInput.Line::fingerprint)), in.lines()));
        Map<String, BigDecimal> byMonth = new TreeMap<>();
        Map<String, BigDecimal> byHospital = new TreeMap<>();
        for (VendorInput.Line line : in.lines()) {
            byMonth.merge(line.month() + " " + line.currency(), line.share(), BigDecimal::add);
            byHospital.merge(line.hospitalId() + " " + line.currency(), line.share(), BigDecimal::add);
        }
        List<ChartPoint> chart = new ArrayList<>();
        byMonth.forEach((month, share) -> chart.add(new ChartPoint(language.label("chart.vendor.share"), month, share)));
        sections.add(Section.of("chart", "months", language.label("vendor.section.months"), ChartPoint.COLUMNS, chart));
        List<Item> totals = new ArrayList<>();
        byHospital.forEach((hospital, share) -> totals.add(Item.money(hospital, language.label("detail.vendor.total"), share)));
        sections.add(Section.of("rows", "totals", language.label("vendor.section.totals"), Item.COLUMNS, totals));
        StringBuilder settled = new StringBuilder();
        in.lines().forEach(line -> settled.append(line.contractId()).append('|').append(line.month()).append('|')
                .append(line.revision()).append('|').append(line.fingerprint()).append('\n'));
        String fingerprints = sha256(settled.toString());
        return new ReportDocument(StatementReport.fileName("vendor", in.vendorId(), in.from(), in.to()),
                language.label("vendor.title"), language.label("vendor.subject", in.vendorId(), in.from(), in.to()),
                fingerprints, YearMonth.parse(in.to()).atEndOfMonth(), sections);
    }

    /** The report's fingerprint: SHA-256 of each line's contract, month, revision and settlement fingerprint. */
    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
