package io.outcomepay.app.cli;

import io.outcomepay.app.OutcomePayRuntime;
import io.outcomepay.app.config.Months;
import io.outcomepay.billing.period.application.PeriodRecords;
import io.outcomepay.billing.ledger.Obligation;
import io.outcomepay.billing.period.api.PriorPeriodAdjustment;
import io.outcomepay.billing.period.application.ClosingPeriod;
import io.outcomepay.billing.period.application.PeriodRecord;
import io.outcomepay.billing.period.application.SettlingPeriod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Locale;

@Command(name = "period", mixinStandardHelpOptions = true,
        description = {"A contract month's lifecycle: open -> calculated (recalculate freely) -> approved -> closed.",
                "The approver must not be who ran the last calculation; a closed month is never recalculated,",
                "and later changes to it are carried into the next open month as prior-period adjustments."},
        subcommands = {PeriodCommand.Calculate.class, PeriodCommand.Approve.class, PeriodCommand.Close.class,
                PeriodCommand.Status.class})
public class PeriodCommand extends ParentCommand {

    /** The options every lifecycle step takes. */
    abstract static class Step extends RuntimeCommand {
        @Option(names = "--contract", required = true, paramLabel = "ID", description = "contract id")
        String contractId;

        @Option(names = "--period", required = true, paramLabel = "YYYY-MM", description = "month")
        String period;

        @Option(names = "--actor", required = true, paramLabel = "USER", description = "who does it (stored on the event)")
        String actor;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "why (stored on the event)")
        String reason;

        YearMonth month() {
            return Months.parse("--period", period);
        }
    }

    @Command(name = "calculate", mixinStandardHelpOptions = true,
            description = {"Settle the month and record it as a new revision when anything changed; the month after",
                    "the last closed one also carries the prior-period adjustments of the closed months."})
    static class Calculate extends Step {
        @Option(names = "--quality-score", paramLabel = "0..1", description = "quality score for contracts with a quality gate")
        BigDecimal qualityScore;

        @Override
        protected int run(OutcomePayRuntime runtime) {
            SettlingPeriod.Settled settled = runtime.bean(SettlingPeriod.class).settle(contractId, month(), qualityScore,
                    SettlingPeriod.Pricing.SET_BASED, actor, reason);
            SettlementPrinter.print(settled, out());
            printAdjustments(settled.adjustments(), out());
            return 0;
        }
    }

    static void printAdjustments(java.util.List<PriorPeriodAdjustment> adjustments, PrintWriter out) {
        for (PriorPeriodAdjustment a : adjustments) {
            out.printf(Locale.ROOT, "prior-period adjustment for %s (closed revision %d): savings %s -> %s%n",
                    a.correctedPeriod(), a.closedRevision(), a.settledSavings().toPlainString(),
                    a.resettledSavings().toPlainString());
            for (Obligation o : a.delta()) {
                out.printf(Locale.ROOT, "  %s owes %s %s%n", o.payer(), o.payee(), o.amount().toPlainString());
            }
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = "Approve the month's latest calculation (maker-checker) and post its journal entries.")
    static class Approve extends Step {
        @Override
        protected int run(OutcomePayRuntime runtime) {
            int revision = runtime.bean(ClosingPeriod.class).approve(contractId, month(), actor, reason).version();
            out().printf(Locale.ROOT, "%s %s revision %d approved by %s%n", contractId, period, revision, actor);
            return 0;
        }
    }

    @Command(name = "close", mixinStandardHelpOptions = true,
            description = {"Close an approved month (months close in order): records its audit chain head and issues",
                    "the invoices and credit notes of its shares and adjustments."})
    static class Close extends Step {
        @Override
        protected int run(OutcomePayRuntime runtime) {
            ClosingPeriod.Closed closed = runtime.bean(ClosingPeriod.class).close(contractId, month(), actor, reason);
            out().printf(Locale.ROOT, "%s %s revision %d closed by %s; %d documents issued%n", contractId, period,
                    closed.revision(), actor, closed.documents().size());
            for (ClosingPeriod.Issued issued : closed.documents()) {
                out().printf(Locale.ROOT, "  %s %s %s -> %s %s %s%s%n", issued.draft().kind(), issued.number(),
                        issued.draft().issuer(), issued.draft().billedTo(), issued.draft().amount().toPlainString(),
                        issued.draft().currency(), issued.draft().correctedPeriod() == null ? ""
                                : " (adjusts " + issued.draft().correctedPeriod()
                                + (issued.draft().referencesInvoice() == null ? "" : ", credits " + issued.draft().referencesInvoice()) + ")");
            }
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Every calculated month of a contract: status, revision, who did what.")
    static class Status extends RuntimeCommand {
        @Option(names = "--contract", required = true, paramLabel = "ID", description = "contract id")
        String contractId;

        @Override
        protected int run(OutcomePayRuntime runtime) {
            out().println("period   status      revision  calculated by      approved by        closed by          fingerprint");
            for (PeriodRecord p : runtime.bean(PeriodRecords.class).periods(contractId)) {
                out().printf(Locale.ROOT, "%-8s %-11s %8d  %-18s %-18s %-18s %s%n", p.period(),
                        p.status().name().toLowerCase(Locale.ROOT), p.revision(), orDash(p.latest().actor()),
                        p.approval() == null ? "-" : p.approval().actor(), p.closed() == null ? "-" : p.closed().actor(),
                        p.latest().result().fingerprint());
            }
            return 0;
        }

        private static String orDash(String s) {
            return s == null ? "-" : s;
        }
    }
}
