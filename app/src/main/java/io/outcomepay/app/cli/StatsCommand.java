package io.outcomepay.app.cli;

import io.outcomepay.analytics.auditing.ComputingStatistics;
import io.outcomepay.app.config.Months;
import io.outcomepay.analytics.statistics.PeriodStatistics;
import io.outcomepay.analytics.statistics.SavingsStatistics;
import io.outcomepay.app.OutcomePayRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.YearMonth;

@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Is the claimed saving real? For a contract month: the savings rate with a 95% bootstrap",
                "interval and P(rate > msr); AI-assisted against other cases, stratified by group; case-mix drift",
                "per hospital against a reference month; outliers; the groups that saved most. Seeded: the same",
                "data, seed and resamples give the same figures (docs/settlement.md: Statistics for auditors)."})
public class StatsCommand extends RuntimeCommand {

    @Option(names = "--contract", required = true, paramLabel = "ID")
    String contractId;

    @Option(names = "--period", required = true, paramLabel = "YYYY-MM")
    String period;

    @Option(names = "--reference-period", paramLabel = "YYYY-MM", description = "for case-mix drift (default: the month before)")
    String referencePeriod;

    @Option(names = "--seed", defaultValue = "1", description = "bootstrap seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--resamples", defaultValue = "2000", description = "bootstrap resamples (default ${DEFAULT-VALUE})")
    int resamples;

    @Override
    protected int run(OutcomePayRuntime runtime) {
        YearMonth month = Months.parse("--period", period);
        YearMonth reference = referencePeriod == null ? month.minusMonths(1) : Months.parse("--reference-period", referencePeriod);
        ComputingStatistics.Computed computed = runtime.bean(ComputingStatistics.class)
                .compute(new ComputingStatistics.Compute(contractId, month, reference, seed, resamples));
        PeriodStatistics stats = computed.statistics();
        SavingsStatistics.SavingsRate rate = stats.savingsRate();
        out().printf("%s %s (seed %d, %d resamples)%n", stats.contractId(), stats.period(), seed, resamples);
        out().printf("savings rate %s, 95%% interval [%s, %s] over %d eligible cases; P(rate > msr %s) = %s%n",
                rate.rate().toPlainString(), rate.low().toPlainString(), rate.high().toPlainString(), rate.encounters(),
                rate.msr().toPlainString(), rate.probabilityAboveMsr().toPlainString());
        if (stats.aiEffect() != null) {
            SavingsStatistics.AiEffect effect = stats.aiEffect();
            out().printf("AI-assisted minus other cases, actual/baseline stratified by group: %s, 95%% interval [%s, %s] "
                            + "(%d groups, %d cases)%n", effect.difference().toPlainString(), effect.low().toPlainString(),
                    effect.high().toPlainString(), effect.strata(), effect.encounters());
        } else {
            out().println("AI effect: not estimable: " + stats.aiEffectUnavailable());
        }
        out().println("case-mix drift against " + stats.referencePeriod() + ":");
        out().println("  hospital,reference_cmi,cmi,cmi_change,reference_cost_per_case,cost_per_case,cost_change,flagged");
        if (stats.caseMixDrift().isEmpty()) {
            out().println("  (no hospital has cases in both months)");
        }
        for (SavingsStatistics.CaseMixDrift d : stats.caseMixDrift()) {
            out().println("  " + String.join(",", d.hospitalId(), d.referenceCmi().toPlainString(),
                    d.currentCmi().toPlainString(), d.cmiChange().toPlainString(), d.referenceCostPerCase().toPlainString(),
                    d.currentCostPerCase().toPlainString(), d.costChange().toPlainString(),
                    d.flagged() ? "POSSIBLE UPCODING" : "no"));
        }
        out().println("outliers left out: " + stats.outliers().size());
        stats.outliers().forEach(o -> out().println("  " + o.hospitalId() + " " + o.claimId() + " " + o.reason() + ": "
                + o.detail()));
        out().println("top groups by savings (minor units):");
        stats.topGroups().forEach(g -> out().println("  " + g.group() + " " + g.encounters() + " cases, " + g.savingsMinor()));
        out().println(computed.storedWithRevision() != null
                ? "stored with settlement revision " + computed.storedWithRevision() + " (fingerprint "
                + computed.fingerprint() + ")"
                : "not stored: the month's latest recorded revision is not this settlement (fingerprint "
                + computed.fingerprint() + "); settle it first");
        return 0;
    }
}
