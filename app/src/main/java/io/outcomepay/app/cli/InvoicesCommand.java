package io.outcomepay.app.cli;

import io.outcomepay.app.OutcomePayRuntime;
import io.outcomepay.app.config.Months;
import io.outcomepay.analytics.ledger.LedgerQueries;
import io.outcomepay.billing.invoice.Reconciliation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Locale;

@Command(name = "invoices", mixinStandardHelpOptions = true, description = "Invoices and credit notes issued by closes.",
        subcommands = InvoicesCommand.ListInvoices.class)
public class InvoicesCommand extends ParentCommand {

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "The documents a month's closes issued, by issuer and number (numbered per issuer without gaps).")
    static class ListInvoices extends RuntimeCommand {
        @Option(names = "--period", required = true, paramLabel = "YYYY-MM", description = "the closed month")
        String period;

        @Option(names = "--contract", paramLabel = "ID", description = "one contract (default: all)")
        String contractId;

        @Override
        protected int run(OutcomePayRuntime runtime) {
            out().printf(Locale.ROOT, "%-24s %-11s %-20s %-20s %-14s %-9s %14s %-3s %-10s %s%n", "number", "kind", "issuer",
                    "billed to", "contract", "adjusts", "amount", "cur", "issued on", "credits");
            for (Reconciliation.Document d : runtime.bean(LedgerQueries.class).documents(Months.parse("--period", period), contractId)) {
                out().printf(Locale.ROOT, "%-24s %-11s %-20s %-20s %-14s %-9s %14s %-3s %-10s %s%n", d.number(),
                        d.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'), d.issuer(), d.billedTo(),
                        d.contractId(), d.correctedPeriod() == null ? "-" : d.correctedPeriod(), d.amount().toPlainString(),
                        d.currency(), d.issuedOn(), d.referencesInvoice() == null ? "-" : d.referencesInvoice());
            }
            return 0;
        }
    }
}
