package io.outcomepay.app.cli;

import io.outcomepay.app.OutcomePayRuntime;
import io.outcomepay.analytics.ledger.LedgerQueries;
import io.outcomepay.billing.ledger.Ledger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Locale;

@Command(name = "ledger", mixinStandardHelpOptions = true, description = "The double-entry ledger of the contracts.",
        subcommands = LedgerCommand.Balances.class)
public class LedgerCommand extends ParentCommand {

    @Command(name = "balances", mixinStandardHelpOptions = true,
            description = {"Every account's debits, credits and balance (debits - credits; positive: owed to the party",
                    "or cash received), rebuilt from the journal entries, and the totals: debits equal credits."})
    static class Balances extends RuntimeCommand {
        @Option(names = "--contract", paramLabel = "ID", description = "one contract (default: all)")
        String contractId;

        @Override
        protected int run(OutcomePayRuntime runtime) {
            Ledger ledger = runtime.bean(LedgerQueries.class).ledger(contractId);
            out().printf(Locale.ROOT, "%-20s %-24s %-11s %-3s %16s %16s %16s%n", "contract", "party", "account", "cur",
                    "debits", "credits", "balance");
            for (Ledger.Balance b : ledger.balances()) {
                out().printf(Locale.ROOT, "%-20s %-24s %-11s %-3s %16s %16s %16s%n", b.account().contractId(),
                        b.account().party(), b.account().kind().name().toLowerCase(Locale.ROOT), b.currency(),
                        b.debits().toPlainString(), b.credits().toPlainString(), b.balance().toPlainString());
            }
            boolean balanced = ledger.totalDebits().compareTo(ledger.totalCredits()) == 0;
            out().printf(Locale.ROOT, "%d entries; total debits %s, total credits %s: %s%n", ledger.entries().size(),
                    ledger.totalDebits().toPlainString(), ledger.totalCredits().toPlainString(),
                    balanced ? "balanced" : "NOT BALANCED");
            return balanced ? 0 : 1;
        }
    }
}
