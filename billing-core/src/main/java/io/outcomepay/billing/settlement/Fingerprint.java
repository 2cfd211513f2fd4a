package io.outcomepay.billing.settlement;

import io.outcomepay.billing.settlement.SettlementResult.Exclusion;
import io.outcomepay.billing.settlement.SettlementResult.Row;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

/**
 * SHA-256 over a canonical text of a settlement's inputs, terms and results. The text uses only
 * plain decimal strings, ISO dates and '\n', and sorts every collection, so time zone, locale and
 * input order cannot change it. Rates in the terms are written without trailing zeros, so "0.10"
 * and "0.1" are the same term.
 */
public final class Fingerprint {

    static final String VERSION = "outcomepay-settlement-v1";

    private Fingerprint() {
    }

    static String of(SettlementRequest request, List<EncounterLine> lines, int eligible, int notEligible, Row total, List<Row> rows,
                     List<Exclusion> exclusions) {
        StringBuilder text = new StringBuilder(VERSION).append('\n');
        text.append("contract=").append(request.contractId()).append(";version=").append(request.contractVersion())
                .append(";period=").append(request.period()).append(";currency=")
                .append(request.currency().getCurrencyCode()).append('\n');
        text.append("hospitals=").append(String.join(",", new TreeSet<>(request.hospitals()))).append('\n');
        DrgBaseline baseline = request.baseline();
        text.append("baseline=").append(baseline.tableId()).append(";version=").append(baseline.tableVersion())
                .append(";sha256=").append(baseline.contentSha256()).append(";base_rate=")
                .append(rate(baseline.baseRate())).append('\n');
        SettlementTerms terms = request.terms();
        text.append("terms=eligible=").append(terms.eligible()).append(";msr=").append(rate(terms.minimumSavingsRate()))
                .append(";sharing=").append(terms.sharing()).append(";cap=").append(rate(terms.capRate()))
                .append(";low=").append(rate(terms.outliers().low())).append(";high=")
                .append(rate(terms.outliers().high())).append(";insurer=").append(rate(terms.shares().insurer()))
                .append(";hospital=").append(rate(terms.shares().hospital())).append(";vendor=")
                .append(rate(terms.shares().vendor())).append('\n');
        lines.stream()
                .map(l -> "input=" + l.encounterId() + "|" + l.claimId() + "|" + l.hospitalId() + "|"
                        + l.dischargeDate() + "|" + l.drg() + "|" + l.allowedAmount().toPlainString() + "|"
                        + l.currency() + "|" + l.aiAssisted())
                .sorted()
                .forEach(s -> text.append(s).append('\n'));
        text.append("eligible=").append(eligible).append(";not_eligible=").append(notEligible).append('\n');
        exclusions.stream()
                .map(e -> "excluded=" + e.encounterId() + "|" + e.reason())
                .sorted()
                .forEach(s -> text.append(s).append('\n'));
        for (Row row : rows) {
            text.append(row(row)).append('\n');
        }
        text.append(row(total)).append('\n');
        return sha256(text.toString());
    }

    private static String row(Row r) {
        return "row=" + r.hospitalId() + "|" + r.encounters() + "|" + r.excluded() + "|"
                + r.baselineTotal().toPlainString() + "|" + r.actualTotal().toPlainString() + "|"
                + r.savings().toPlainString() + "|" + (r.savingsRate() == null ? "" : r.savingsRate().toPlainString())
                + "|" + r.pool().toPlainString() + "|" + r.insurer().toPlainString() + "|"
                + r.hospital().toPlainString() + "|" + r.vendor().toPlainString();
    }

    private static String rate(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    public static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
