package io.outcomepay.analytics.auditing;

import io.outcomepay.analytics.statistics.PeriodStatistics;
import io.outcomepay.analytics.statistics.SavingsStatistics;
import io.outcomepay.billing.limits.Counts;
import io.outcomepay.billing.period.application.ClosingPeriod;
import io.outcomepay.billing.period.application.SettlingPeriod;
import io.outcomepay.billing.settlement.SettlementEngine;
import io.outcomepay.billing.settlement.SettlementResult;

import java.time.YearMonth;
import java.util.Currency;
import java.util.List;

/**
 * The auditor's statistics of a contract month, from the cases its settlement prices now: seeded,
 * so the same data, seed and resamples give the same figures. They are stored with the month's
 * latest recorded revision when that revision is the settlement they were computed from.
 */
public class ComputingStatistics implements ClosingPeriod.BeforeClose {

    /** The seed and resamples of the audit pack's statistics, and of those stored when a month closes. */
    public static final long AUDIT_SEED = 1;
    public static final int AUDIT_RESAMPLES = 2000;

    /** Which month, compared with which, and the bootstrap's seed and resamples. */
    public record Compute(String contractId, YearMonth period, YearMonth referencePeriod, long seed, int resamples) {
    }

    /** Statistics and the settlement revision they were stored with (null: not stored). */
    public record Computed(PeriodStatistics statistics, Integer storedWithRevision, String fingerprint) {
    }

    private final SettlingPeriod settling;
    private final StoredStatistics stored;

    public ComputingStatistics(SettlingPeriod settling, StoredStatistics stored) {
        this.settling = settling;
        this.stored = stored;
    }

    public Computed compute(Compute command) {
        Counts.RESAMPLES.check("resamples", command.resamples());
        SettlementResult settlement = settling.calculate(command.contractId(), command.period(), null);
        int minorDigits = Currency.getInstance(settlement.currency()).getDefaultFractionDigits();
        PeriodStatistics statistics = PeriodStatistics.of(command.contractId(), command.period(),
                command.referencePeriod(), settlement, settling.pricedCases(command.contractId(), command.period()),
                referenceCases(command.contractId(), command.referencePeriod()), minorDigits, command.seed(),
                command.resamples(), SavingsStatistics.DriftThresholds.DEFAULT);
        Integer revision = stored.store(statistics, settlement.fingerprint(), command.seed(), command.resamples())
                .orElse(null);
        return new Computed(statistics, revision, settlement.fingerprint());
    }

    /**
     * Before a month closes, its statistics for auditors (seed and resamples as the audit pack uses
     * them, compared with the month before) are computed and stored with the revision being closed,
     * so its audit pack shows the statistics of what was closed, whatever arrives later. A month
     * without statistics (the audit pack says why) still closes.
     */
    @Override
    public void beforeClose(String contractId, YearMonth period) {
        try {
            compute(new Compute(contractId, period, period.minusMonths(1), AUDIT_SEED, AUDIT_RESAMPLES));
        } catch (IllegalArgumentException | SettlingPeriod.SettlementRefused unavailable) {
            // no statistics for this month; the close does not depend on them
        }
    }

    /** The reference month's cases, or none when no contract version was in force then. */
    private List<SettlementEngine.PricedCase> referenceCases(String contractId, YearMonth period) {
        try {
            return settling.pricedCases(contractId, period);
        } catch (SettlingPeriod.SettlementRefused notInForce) {
            return List.of();
        }
    }
}
