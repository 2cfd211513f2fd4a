package io.outcomepay.app.cli;

import io.outcomepay.app.OutcomePayRuntime;
import io.outcomepay.claims.application.ImportingPayments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

@Command(name = "payments", mixinStandardHelpOptions = true, description = "Payments received.",
        subcommands = PaymentsCommand.Import.class)
public class PaymentsCommand extends ParentCommand {

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Record the payments of a CSV file (reference, payer, payee, amount, currency, paid_on), each",
                    "once; one whose reference is the number of the invoice it pays is posted to that contract's ledger.",
                    "Bad rows are printed and dead-lettered with their line and field."})
    static class Import extends RuntimeCommand {
        @Parameters(paramLabel = "FILE.csv", description = "the payment file")
        Path file;

        @Override
        protected int run(OutcomePayRuntime runtime) {
            ImportingPayments.PaymentsImported imported = runtime.bean(ImportingPayments.class)
                    .importPayments(ImportingPayments.ImportPayments.file(file));
            imported.rejections().forEach(r -> out().println("REJECTED " + r));
            out().println(imported.summary());
            return 0;
        }
    }
}
