package io.outcomepay.app.cli;

import io.outcomepay.app.config.Months;
import io.outcomepay.analytics.settlements.SettlementHistory;
import io.outcomepay.app.OutcomePayRuntime;
import io.outcomepay.billing.period.api.PeriodSettled;
import io.outcomepay.billing.period.application.SettlingPeriod;
import io.outcomepay.billing.settlement.SettlementResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

@Command(name = "settle", mixinStandardHelpOptions = true, subcommands = SettleCommand.Explain.class,
        description = {"Settle one contract month: encounters discharged in it at the contract's hospitals,",
                "eligible, not voided, at their latest correction. Prints the per-hospital table and the",
                "fingerprint; settling again with nothing new gives the same fingerprint and records nothing.",
                "'settle explain' prints the recorded calculation step by step."})
public class SettleCommand extends RuntimeCommand {

    @Option(names = "--contract", paramLabel = "ID", description = "contract id (required)")
    String contractId;

    @Option(names = "--period", paramLabel = "YYYY-MM", description = "month to settle (required)")
    String period;

    @Option(names = "--quality-score", paramLabel = "0..1",
            description = "quality score for contracts with a quality gate")
    BigDecimal qualityScore;

    @Option(names = "--pricing", paramLabel = "set-based|in-memory", defaultValue = "set-based",
            converter = PricingConverter.class,
            description = {"set-based: SQL sums the encounter facts (default); in-memory: the engine prices every",
                    "encounter line. Both give the same result and fingerprint."})
    SettlingPeriod.Pricing pricing;

    static final class PricingConverter implements picocli.CommandLine.ITypeConverter<SettlingPeriod.Pricing> {
        @Override
        public SettlingPeriod.Pricing convert(String value) {
            return switch (value) {
                case "set-based" -> SettlingPeriod.Pricing.SET_BASED;
                case "in-memory" -> SettlingPeriod.Pricing.IN_MEMORY;
                default -> throw new picocli.CommandLine.TypeConversionException(
                        "--pricing must be set-based or in-memory, was '" + value + "'");
            };
        }
    }

    @Option(names = "--actor", paramLabel = "USER", description = "who settles (stored on the event; default: the OS user)")
    String actor = System.getProperty("user.name", SettlingPeriod.SYSTEM);

    @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "settle", description = "why (stored on the event; default ${DEFAULT-VALUE})")
    String reason;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "write one row per hospital and a TOTAL row")
    Path out;

    @Option(names = "--exclusions", paramLabel = "FILE.csv", description = "write every excluded encounter and why")
    Path exclusions;

    @Override
    public Integer call() {
        requireContractAndPeriod(contractId, period);
        return super.call();
    }

    static void requireContractAndPeriod(String contractId, String period) {
        if (contractId == null || contractId.isBlank()) {
            throw new IllegalArgumentException("--contract is required");
        }
        if (period == null) {
            throw new IllegalArgumentException("--period is required");
        }
        Months.parse("--period", period);
    }

    @Override
    protected int run(OutcomePayRuntime runtime) {
        SettlingPeriod.Settled settled = runtime.bean(SettlingPeriod.class).settle(contractId, Months.parse("--period", period),
                qualityScore, pricing, actor, reason);
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

    @Command(name = "explain", mixinStandardHelpOptions = true,
            description = {"Print the latest recorded settlement of a contract month step by step: each step's",
                    "formula, inputs and value, the contract and baseline versions used, and whether settling",
                    "again now would give the same fingerprint. Records nothing."})
    static class Explain extends RuntimeCommand {

        @Option(names = "--contract", required = true, paramLabel = "ID", description = "contract id")
        String contractId;

        @Option(names = "--period", required = true, paramLabel = "YYYY-MM", description = "month")
        String period;

        @Option(names = "--json", description = "the recorded revision as JSON")
        boolean json;

        @Override
        public Integer call() {
            requireContractAndPeriod(contractId, period);
            return super.call();
        }

        @Override
        protected int run(OutcomePayRuntime runtime) {
            YearMonth month = Months.parse("--period", period);
            List<PeriodSettled> revisions = runtime.bean(SettlementHistory.class).revisions(contractId, month);
            if (revisions.isEmpty()) {
                throw new IllegalArgumentException(contractId + " " + period + " has not been settled");
            }
            PeriodSettled latest = revisions.get(revisions.size() - 1);
            if (json) {
                out().println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                        .writeValueAsString(latest));
                return 0;
            }
            SettlementResult r = latest.result();
            out().printf(Locale.ROOT, "Settlement %s %s, revision %d of %d%n", r.contractId(), r.period(),
                    latest.revision(), revisions.size());
            out().printf(Locale.ROOT, "Contract version %d, baseline %s version %d, currency %s, quality score %s%n",
                    r.contractVersion(), r.baselineTable(), r.baselineTableVersion(), r.currency(),
                    r.qualityScore() == null ? "none" : r.qualityScore().toPlainString());
            int width = r.trace().stream().mapToInt(s -> s.name().length()).max().orElse(10);
            for (SettlementResult.TraceStep step : r.trace()) {
                out().printf(Locale.ROOT, "  %-" + width + "s = %s%n", step.name(), step.value());
                out().printf(Locale.ROOT, "  %-" + width + "s   %s%s%n", "", step.formula(),
                        step.inputs().isEmpty() ? "" : "  " + step.inputs());
            }
            SettlementPrinter.table(r, out());
            SettlementResult now = runtime.bean(SettlingPeriod.class).calculate(contractId, month, r.qualityScore());
            out().printf(Locale.ROOT, "Fingerprint %s%n", r.fingerprint());
            out().println(now.fingerprint().equals(r.fingerprint())
                    ? "Settling again now gives the same fingerprint."
                    : "Settling again now would give " + now.fingerprint() + " (the data or terms changed since).");
            runtime.bean(io.outcomepay.billing.period.application.PeriodRecords.class).period(contractId, month)
                    .ifPresent(record -> {
                        out().println("Status: " + record.status().name().toLowerCase(Locale.ROOT)
                                + (record.latest().actor() == null ? "" : ", calculated by " + record.latest().actor())
                                + (record.approval() == null ? "" : ", approved by " + record.approval().actor())
                                + (record.closed() == null ? "" : ", closed by " + record.closed().actor()
                                + " (chain head " + record.closed().chainHead() + ")"));
                        if (record.closed() != null && !now.fingerprint().equals(r.fingerprint())) {
                            out().println("The month is closed: what changed since is carried into the month after the "
                                    + "contract's last closed month as a prior-period adjustment.");
                        }
                    });
            return 0;
        }
    }
}
