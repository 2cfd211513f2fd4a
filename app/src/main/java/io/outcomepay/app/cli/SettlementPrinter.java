package io.outcomepay.app.cli;

import io.outcomepay.billing.period.application.SettlingPeriod;
import io.outcomepay.billing.settlement.SettlementResult;
import io.outcomepay.billing.settlement.SettlementResult.Row;
import io.outcomepay.reports.settlement.SettlementCsv;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Prints a settlement as a per-hospital table and writes its CSV files. */
final class SettlementPrinter {

    private SettlementPrinter() {
    }

    static void print(SettlingPeriod.Settled settled, PrintWriter out) {
        SettlementResult r = settled.result();
        out.printf(Locale.ROOT, "Settlement %s %s (contract version %d, %s v%d, %s)%n", r.contractId(), r.period(),
                r.contractVersion(), r.baselineTable(), r.baselineTableVersion(), r.currency());
        table(r, out);
        Map<SettlementResult.ExclusionReason, Integer> reasons = new TreeMap<>();
        r.exclusions().forEach(e -> reasons.merge(e.reason(), 1, Integer::sum));
        out.printf(Locale.ROOT, "In period %d, not eligible %d, excluded %d %s%n", r.inPeriod(), r.notEligible(),
                r.exclusions().size(), reasons);
        r.exclusions().stream().filter(e -> e.reason() == SettlementResult.ExclusionReason.CURRENCY_MISMATCH)
                .forEach(e -> out.printf(Locale.ROOT, "  excluded %s (claim %s, %s): %s%n", e.encounterId(), e.claimId(),
                        e.hospitalId(), e.detail()));
        out.printf(Locale.ROOT, "Fingerprint %s (period revision %d, %s)%n", r.fingerprint(), settled.revision(),
                settled.newRevision() ? "recorded as a new revision" : "unchanged, nothing recorded");
        out.flush();
    }

    /** The per-hospital table with the TOTAL row. */
    static void table(SettlementResult r, PrintWriter out) {
        String format = "%-8s %10s %8s %16s %16s %14s %9s %13s %13s %13s %13s%n";
        out.printf(Locale.ROOT, format, "hospital", "encounters", "excluded", "baseline", "actual", "savings", "rate",
                "pool", "insurer", "hospital", "vendor");
        List<Row> rows = new ArrayList<>(r.hospitals());
        rows.add(r.total());
        for (Row row : rows) {
            out.printf(Locale.ROOT, format, row.hospitalId(), row.encounters(), row.excluded(),
                    plain(row.baselineTotal()), plain(row.actualTotal()), plain(row.savings()), percent(row.savingsRate()),
                    plain(row.pool()), plain(row.insurer()), plain(row.hospital()), plain(row.vendor()));
        }
        if (r.total().vendors().size() > 1) {
            out.printf(Locale.ROOT, "vendors: %s%n", r.total().vendors());
        }
        r.payments().forEach(p -> out.printf(Locale.ROOT, "Payment: %s pays %s %s %s%n", p.payer(), p.payee(),
                p.amount().toPlainString(), r.currency()));
    }

    static void writeSettlement(SettlementResult result, Path file) {
        writeFile(file, w -> SettlementCsv.write(result, w));
    }

    static void writeExclusions(SettlementResult result, Path file) {
        writeFile(file, w -> SettlementCsv.writeExclusions(result, w));
    }

    /** Writes a UTF-8 file, creating its directory. */
    static void writeFile(Path file, Body body) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                body.write(w);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    interface Body {
        void write(Writer out) throws IOException;
    }

    private static String plain(BigDecimal value) {
        return value.toPlainString();
    }

    private static String percent(BigDecimal rate) {
        return rate == null ? "-" : rate.movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
