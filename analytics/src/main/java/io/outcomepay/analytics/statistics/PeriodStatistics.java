package io.outcomepay.analytics.statistics;

import io.outcomepay.billing.settlement.SettlementEngine.PricedCase;
import io.outcomepay.billing.settlement.SettlementResult;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * The auditor's statistics of one contract month, from the cases its settlement prices: the
 * savings rate of the eligible cases with its interval and the probability it beats the minimum
 * savings rate; the case-mix adjusted AI effect over all included cases; case-mix drift per hospital
 * against a reference month; the outliers the settlement left out; the groups that saved most.
 */
public record PeriodStatistics(String contractId, YearMonth period, YearMonth referencePeriod,
                               SavingsStatistics.SavingsRate savingsRate, SavingsStatistics.AiEffect aiEffect,
                               String aiEffectUnavailable, List<SavingsStatistics.CaseMixDrift> caseMixDrift,
                               List<SettlementResult.Exclusion> outliers, List<SavingsStatistics.GroupSavings> topGroups) {

    public static final int TOP_GROUPS = 10;

    private static final List<SettlementResult.ExclusionReason> OUTLIER_REASONS = List.of(
            SettlementResult.ExclusionReason.LOW_OUTLIER, SettlementResult.ExclusionReason.HIGH_OUTLIER,
            SettlementResult.ExclusionReason.EXPERT_REVIEW);

    /**
     * @param settlement the month's settlement (its msr and its exclusions)
     * @param current    the cases the settlement prices, eligible or not
     * @param reference  the reference month's cases, for case-mix drift
     */
    public static PeriodStatistics of(String contractId, YearMonth period, YearMonth referencePeriod,
                                      SettlementResult settlement, List<PricedCase> current, List<PricedCase> reference,
                                      int minorDigits, long seed, int resamples,
                                      SavingsStatistics.DriftThresholds thresholds) {
        List<EncounterSample> all = samples(current, minorDigits, false);
        List<EncounterSample> eligible = samples(current, minorDigits, true);
        if (eligible.isEmpty()) {
            throw new IllegalArgumentException("no eligible case was settled in " + period + ": nothing to estimate");
        }
        BigDecimal msr = settlement.trace().stream().filter(s -> s.name().equals("msr")).findFirst()
                .map(s -> new BigDecimal(s.value()))
                .orElseThrow(() -> new IllegalStateException("the settlement of " + period + " has no msr step"));
        SavingsStatistics.AiEffect effect = null;
        String unavailable = null;
        try {
            effect = SavingsStatistics.aiEffect(all, seed, resamples);
        } catch (IllegalArgumentException e) {
            unavailable = e.getMessage();
        }
        return new PeriodStatistics(contractId, period, referencePeriod,
                SavingsStatistics.savingsRate(eligible, msr, seed, resamples), effect, unavailable,
                SavingsStatistics.caseMixDrift(samples(reference, minorDigits, false), all, thresholds),
                settlement.exclusions().stream().filter(x -> OUTLIER_REASONS.contains(x.reason())).toList(),
                SavingsStatistics.topGroups(eligible, TOP_GROUPS));
    }

    private static List<EncounterSample> samples(List<PricedCase> cases, int minorDigits, boolean eligibleOnly) {
        return cases.stream().filter(c -> !eligibleOnly || c.eligible())
                .filter(c -> c.baseline().signum() > 0)
                .map(c -> new EncounterSample(c.line().hospitalId(),
                        c.line().drg() != null ? c.line().drg() : c.line().dipGroup(), c.weight(),
                        c.baseline().setScale(minorDigits).unscaledValue().longValueExact(),
                        c.actual().setScale(minorDigits).unscaledValue().longValueExact(), c.line().aiAssisted()))
                .toList();
    }
}
