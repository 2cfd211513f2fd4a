package io.outcomepay.app.cli;

import io.outcomepay.app.OutcomePayRuntime;
import io.outcomepay.app.config.Months;
import io.outcomepay.analytics.ledger.LedgerQueries;
import io.outcomepay.billing.invoice.Reconciliation;
import io.outcomepay.reports.reconciliation.ReconciliationCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = {"Match the payments received to the invoices a month's closes issued: matched, partial, unpaid,",
                "overpaid, credit notes, and the payments that match no invoice; ages of what is outstanding."})
public class ReconcileCommand extends RuntimeCommand {

    @Option(names = "--period", required = true, paramLabel = "YYYY-MM", description = "the closed month")
    String period;

    @Option(names = "--contract", paramLabel = "ID", description = "one contract (default: all)")
    String contractId;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "count ages to this day (default: today, UTC)")
    LocalDate asOf;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "write every line as CSV")
    Path csv;

    @Override
    protected int run(OutcomePayRuntime runtime) {
        List<Reconciliation.Line> lines = runtime.bean(LedgerQueries.class).reconcile(Months.parse("--period", period),
                contractId, asOf);
        Map<Reconciliation.Category, Integer> counts = new EnumMap<>(Reconciliation.Category.class);
        out().printf(Locale.ROOT, "%-11s %-24s %-20s %-20s %14s %12s %14s %14s %-8s %s%n", "category", "document", "issuer",
                "billed to", "invoiced", "credited", "paid", "outstanding", "ageing", "payments");
        for (Reconciliation.Line l : lines) {
            counts.merge(l.category(), 1, Integer::sum);
            out().printf(Locale.ROOT, "%-11s %-24s %-20s %-20s %14s %12s %14s %14s %-8s %s%n", l.category().label(),
                    l.document() == null ? "(" + l.references() + ")" : l.document(), l.issuer(), l.billedTo(),
                    plain(l.invoiced()), plain(l.credited()), plain(l.paid()), plain(l.outstanding()),
                    l.ageing() == null ? "-" : l.ageing(), String.join("; ", l.payments()));
        }
        StringBuilder summary = new StringBuilder();
        counts.forEach((c, n) -> summary.append(summary.isEmpty() ? "" : ", ").append(n).append(' ').append(c.label()));
        out().println(lines.size() + " lines: " + (summary.isEmpty() ? "nothing to reconcile" : summary));
        if (csv != null) {
            write(lines, csv);
            out().println("wrote " + csv);
        }
        return 0;
    }

    /** The lines as CSV (ReconciliationCsv). */
    static void write(List<Reconciliation.Line> lines, Path file) {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            ReconciliationCsv.write(lines, writer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
