package io.outcomepay.app.cli;

import io.outcomepay.app.OutcomePayRuntime;
import io.outcomepay.app.operations.Operations;
import io.outcomepay.billing.period.application.SettlingPeriod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

@Command(name = "settle", mixinStandardHelpOptions = true,
        description = {"Settle one contract month: encounters discharged in it at the contract's hospitals,",
                "eligible, not voided, at their latest correction. Prints the per-hospital table and the",
                "fingerprint; settling again with nothing new gives the same fingerprint and records nothing."})
public class SettleCommand extends RuntimeCommand {

    @Option(names = "--contract", required = true, paramLabel = "ID", description = "contract id")
    String contractId;

    @Option(names = "--period", required = true, paramLabel = "YYYY-MM", description = "month to settle")
    String period;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "write one row per hospital and a TOTAL row")
    Path out;

    @Option(names = "--exclusions", paramLabel = "FILE.csv", description = "write every excluded encounter and why")
    Path exclusions;

    @Override
    public Integer call() {
        parsePeriod(period);
        return super.call();
    }

    static YearMonth parsePeriod(String text) {
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--period '" + text + "' is not a month YYYY-MM");
        }
    }

    @Override
    int run(OutcomePayRuntime runtime) {
        SettlingPeriod.Settled settled = runtime.bean(Operations.class).settle(contractId, parsePeriod(period));
        SettlementPrinter.print(settled, out());
        if (out != null) {
            SettlementPrinter.writeSettlement(settled.result(), out);
            out().println("wrote " + out);
        }
        if (exclusions != null) {
            SettlementPrinter.writeExclusions(settled.result(), exclusions);
            out().println("wrote " + exclusions);
        }
        return 0;
    }
}
