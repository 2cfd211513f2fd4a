package io.outcomepay.billing.settlement.totals;

import io.outcomepay.billing.settlement.SettlementTerms.SharingMethod;

import java.math.BigDecimal;

/**
 * Terms of shared savings (and, two-sided, shared losses) against a benchmark, as in the CMS
 * Medicare Shared Savings Program. Rates are fractions.
 *
 * @param minimumLossRate     null: one-sided (no shared losses; losses are still "generated" at
 *                            the msr, as CMS reports them); otherwise the mlr rule
 * @param qualityGate         whether the final share rate depends on a quality score; without
 *                            a gate the final share rate is the maximum share rate
 * @param minimumQualityScore with a gate: a score below it shares nothing
 * @param withhold            taken from earned savings (the 2% sequestration), before the cap
 * @param lossRate            null for one-sided terms
 * @param lossCapRate         shared losses are limited to this rate of the benchmark; null: no limit
 * @param lossCapRevenueRate  and to this rate of the participant's revenue when it is known; null: no such limit
 */
public record SharedSavingsTerms(MinimumRate minimumSavingsRate, MinimumRate minimumLossRate, SharingMethod sharing,
                                 BigDecimal maxShareRate, boolean qualityGate, BigDecimal minimumQualityScore,
                                 BigDecimal withhold, BigDecimal savingsCapRate, LossRate lossRate,
                                 BigDecimal lossCapRate, BigDecimal lossCapRevenueRate) {

    public SharedSavingsTerms(MinimumRate minimumSavingsRate, MinimumRate minimumLossRate, SharingMethod sharing,
                              BigDecimal maxShareRate, boolean qualityGate, BigDecimal minimumQualityScore,
                              BigDecimal withhold, BigDecimal savingsCapRate, LossRate lossRate, BigDecimal lossCapRate) {
        this(minimumSavingsRate, minimumLossRate, sharing, maxShareRate, qualityGate, minimumQualityScore, withhold,
                savingsCapRate, lossRate, lossCapRate, null);
    }

    public SharedSavingsTerms {
        if (minimumSavingsRate == null || sharing == null || maxShareRate == null || withhold == null
                || savingsCapRate == null || minimumQualityScore == null) {
            throw new IllegalArgumentException("shared savings terms need msr, sharing, max share rate, minimum "
                    + "quality score, withhold and savings cap");
        }
        if ((minimumLossRate == null) != (lossRate == null)) {
            throw new IllegalArgumentException("two-sided terms need both a minimum loss rate and a loss rate");
        }
    }

    /** Whether the number of assigned beneficiaries changes a rate (a banded msr or mlr). */
    public boolean dependsOnAssigned() {
        return minimumSavingsRate instanceof MinimumRate.Banded || minimumLossRate instanceof MinimumRate.Banded;
    }

    public boolean twoSided() {
        return lossRate != null;
    }

    public SharedSavingsTerms withMinimumSavingsRate(MinimumRate msr) {
        return new SharedSavingsTerms(msr, minimumLossRate, sharing, maxShareRate, qualityGate, minimumQualityScore,
                withhold, savingsCapRate, lossRate, lossCapRate, lossCapRevenueRate);
    }

    public SharedSavingsTerms withMinimumLossRate(MinimumRate mlr) {
        return new SharedSavingsTerms(minimumSavingsRate, twoSided() ? mlr : null, sharing, maxShareRate, qualityGate,
                minimumQualityScore, withhold, savingsCapRate, lossRate, lossCapRate, lossCapRevenueRate);
    }

    public SharedSavingsTerms withLossCapRate(BigDecimal rate) {
        return new SharedSavingsTerms(minimumSavingsRate, minimumLossRate, sharing, maxShareRate, qualityGate,
                minimumQualityScore, withhold, savingsCapRate, lossRate, rate, lossCapRevenueRate);
    }

    public SharedSavingsTerms withLossCapRevenueRate(BigDecimal rate) {
        return new SharedSavingsTerms(minimumSavingsRate, minimumLossRate, sharing, maxShareRate, qualityGate,
                minimumQualityScore, withhold, savingsCapRate, lossRate, lossCapRate, rate);
    }

    public SharedSavingsTerms withWithhold(BigDecimal rate) {
        return new SharedSavingsTerms(minimumSavingsRate, minimumLossRate, sharing, maxShareRate, qualityGate,
                minimumQualityScore, rate, savingsCapRate, lossRate, lossCapRate, lossCapRevenueRate);
    }
}
