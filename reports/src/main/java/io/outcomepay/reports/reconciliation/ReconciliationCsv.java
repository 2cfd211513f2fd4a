package io.outcomepay.reports.reconciliation;

import io.outcomepay.billing.invoice.Reconciliation;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;

/** A reconciliation as CSV: one line per invoice, credit note and unmatched payment; plain decimals, ISO dates. */
public final class ReconciliationCsv {

    public static final List<String> HEADER = List.of("category", "document", "issuer", "billed_to", "contract", "period",
            "corrected_period", "references", "currency", "invoiced", "credited", "paid", "outstanding", "issued_on",
            "age_days", "ageing", "payments");

    private ReconciliationCsv() {
    }

    public static void write(List<Reconciliation.Line> lines, Writer writer) {
        try {
            CSVPrinter out = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
            out.printRecord(HEADER);
            for (Reconciliation.Line l : lines) {
                out.printRecord(l.category().label(), l.document(), l.issuer(), l.billedTo(), l.contractId(), l.period(),
                        l.correctedPeriod(), l.references(), l.currency(), plain(l.invoiced()), plain(l.credited()),
                        plain(l.paid()), plain(l.outstanding()), l.issuedOn(), l.ageDays(), l.ageing(),
                        String.join("; ", l.payments()));
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String write(List<Reconciliation.Line> lines) {
        StringWriter out = new StringWriter();
        write(lines, out);
        return out.toString();
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
