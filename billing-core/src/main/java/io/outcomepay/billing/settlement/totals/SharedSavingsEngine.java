package io.outcomepay.billing.settlement.totals;

import io.outcomepay.billing.money.Money;
import io.outcomepay.billing.settlement.CanonicalJson;
import io.outcomepay.billing.settlement.Fingerprint;
import io.outcomepay.billing.settlement.SettlementResult.TraceStep;
import io.outcomepay.billing.settlement.SettlementTerms.SharingMethod;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shared savings and losses of one participant from its totals (the MSSP method):
 * <pre>
 * savings   = benchmark - expenditure;  savings_rate = savings / benchmark
 * generated = savings if savings &gt;= msr x benchmark, or (losses) if -savings &gt;= mlr x benchmark; else 0
 * final_share_rate = max_share_rate x quality_score (quality gate: 0 without a score or below the minimum)
 * savings: earned = min(shareable x final_share_rate x (1 - withhold), cap_rate x benchmark)
 *          shareable = generated (first_dollar) or generated - msr x benchmark (above_threshold)
 * losses (two-sided): earned = max(generated x loss_rate, -loss_cap x benchmark) - disaster_adjustment
 * earned is rounded half up to the currency's minor unit; nothing else is rounded.
 * </pre>
 * Rates shown are rounded half up to {@value #RATE_SCALE} decimals; every comparison uses exact values.
 */
public final class SharedSavingsEngine {

    public static final int RATE_SCALE = 9;
    static final String VERSION = "outcomepay-shared-savings-v1";

    private SharedSavingsEngine() {
    }

    public static TotalsResult settle(TotalsInput in, String termsName, SharedSavingsTerms terms) {
        List<TraceStep> trace = new ArrayList<>();
        int scale = Money.scaleOf(in.currency());
        BigDecimal benchmark = in.benchmarkTotal();
        BigDecimal savings = benchmark.subtract(in.expenditureTotal());
        BigDecimal msr = terms.minimumSavingsRate().rateFor(in.assigned());
        BigDecimal mlr = terms.twoSided() ? terms.minimumLossRate().rateFor(in.assigned()) : msr;
        BigDecimal savingsThreshold = msr.multiply(benchmark);
        BigDecimal lossThreshold = mlr.multiply(benchmark);
        step(trace, "savings", "benchmark_total - expenditure_total", savings,
                "benchmark_total", plain(benchmark), "expenditure_total", plain(in.expenditureTotal()));
        step(trace, "savings_rate", "savings / benchmark_total, shown to " + RATE_SCALE + " decimals",
                rate(savings, benchmark));
        if (terms.dependsOnAssigned()) {
            step(trace, "msr", terms.minimumSavingsRate().describe(), msr, "assigned", Integer.toString(in.assigned()));
        } else {
            step(trace, "msr", terms.minimumSavingsRate().describe(), msr);
        }
        step(trace, "mlr", terms.twoSided() ? terms.minimumLossRate().describe()
                : "one-sided: losses are generated at the msr and not shared", mlr);

        BigDecimal generated;
        if (savings.signum() > 0 && savings.compareTo(savingsThreshold) >= 0) {
            generated = savings;
        } else if (savings.signum() < 0 && savings.negate().compareTo(lossThreshold) >= 0) {
            generated = savings;
        } else {
            generated = BigDecimal.ZERO.setScale(savings.scale());
        }
        step(trace, "generated", "savings if savings >= msr x benchmark_total or -savings >= mlr x benchmark_total, else 0",
                generated, "msr x benchmark_total", plain(savingsThreshold), "mlr x benchmark_total", plain(lossThreshold));

        BigDecimal quality = quality(in, terms);
        BigDecimal finalShareRate = terms.maxShareRate().multiply(quality);
        step(trace, "final_share_rate", terms.qualityGate()
                ? "max_share_rate x quality_score (0 without a score or below the minimum)" : "max_share_rate (no quality gate)",
                finalShareRate, "max_share_rate", plain(terms.maxShareRate()), "quality_score",
                !terms.qualityGate() ? "not used" : in.qualityScore() == null ? "not met" : plain(in.qualityScore()));

        BigDecimal earned;
        if (generated.signum() > 0) {
            BigDecimal shareable = terms.sharing() == SharingMethod.FIRST_DOLLAR ? generated
                    : generated.subtract(savingsThreshold);
            BigDecimal afterWithhold = shareable.multiply(finalShareRate).multiply(BigDecimal.ONE.subtract(terms.withhold()));
            BigDecimal cap = terms.savingsCapRate().multiply(benchmark);
            step(trace, "shareable", terms.sharing() == SharingMethod.FIRST_DOLLAR ? "first_dollar: generated"
                    : "above_threshold: generated - msr x benchmark_total", shareable);
            step(trace, "after_withhold", "shareable x final_share_rate x (1 - withhold)", afterWithhold,
                    "withhold", plain(terms.withhold()));
            step(trace, "savings_cap", "savings_cap_rate x benchmark_total", cap,
                    "savings_cap_rate", plain(terms.savingsCapRate()));
            earned = afterWithhold.min(cap);
        } else if (generated.signum() < 0 && terms.twoSided()) {
            BigDecimal lossRate = terms.lossRate().rateFor(finalShareRate);
            BigDecimal shared = generated.multiply(lossRate);
            step(trace, "loss_rate", terms.lossRate().describe(), lossRate);
            step(trace, "shared_loss", "generated x loss_rate", shared);
            if (terms.lossCapRate() != null) {
                BigDecimal limit = terms.lossCapRate().multiply(benchmark).negate();
                step(trace, "loss_cap", "-(loss_cap_rate x benchmark_total)", limit,
                        "loss_cap_rate", plain(terms.lossCapRate()));
                shared = shared.max(limit);
            }
            if (terms.lossCapRevenueRate() != null && in.revenue() != null) {
                BigDecimal limit = terms.lossCapRevenueRate().multiply(in.revenue()).negate();
                step(trace, "loss_cap_on_revenue", "-(loss_cap_revenue_rate x revenue)", limit,
                        "loss_cap_revenue_rate", plain(terms.lossCapRevenueRate()), "revenue", plain(in.revenue()));
                shared = shared.max(limit);
            }
            step(trace, "disaster_adjustment", "subtracted: reduces the shared loss", in.disasterAdjustment());
            earned = shared.subtract(in.disasterAdjustment()).min(BigDecimal.ZERO);
        } else {
            earned = BigDecimal.ZERO;
        }
        earned = earned.setScale(scale, RoundingMode.HALF_UP);
        step(trace, "earned", generated.signum() < 0 && !terms.twoSided() ? "one-sided: no shared losses"
                : "round_half_up(min(after_withhold, savings_cap)) or the shared loss, to " + scale
                + " decimals; negative = owed", earned);

        BigDecimal savingsRate = rate(savings, benchmark);
        BigDecimal msrShown = new BigDecimal(normalized(msr.setScale(RATE_SCALE, RoundingMode.HALF_UP)));
        String fingerprint = fingerprint(in, termsName, terms, savings, msr, mlr, generated, finalShareRate, earned);
        return new TotalsResult(in.participantId(), in.currency().getCurrencyCode(), savings, savingsRate, msrShown,
                generated, new BigDecimal(normalized(finalShareRate)), earned, List.copyOf(trace), fingerprint);
    }

    private static BigDecimal quality(TotalsInput in, SharedSavingsTerms terms) {
        if (!terms.qualityGate()) {
            return BigDecimal.ONE;
        }
        if (in.qualityScore() == null || in.qualityScore().compareTo(terms.minimumQualityScore()) < 0) {
            return BigDecimal.ZERO;
        }
        return in.qualityScore();
    }

    private static BigDecimal rate(BigDecimal part, BigDecimal whole) {
        return part.divide(whole, RATE_SCALE, RoundingMode.HALF_UP);
    }

    /** A trace step; inputs come as name, value pairs. */
    private static void step(List<TraceStep> trace, String name, String formula, BigDecimal value, String... inputs) {
        Map<String, String> named = new LinkedHashMap<>();
        for (int i = 0; i < inputs.length; i += 2) {
            named.put(inputs[i], inputs[i + 1]);
        }
        trace.add(new TraceStep(name, formula, named, plain(value)));
    }

    private static String plain(BigDecimal value) {
        return value.toPlainString();
    }

    private static String fingerprint(TotalsInput in, String termsName, SharedSavingsTerms terms, BigDecimal savings,
                                      BigDecimal msr, BigDecimal mlr, BigDecimal generated, BigDecimal finalShareRate,
                                      BigDecimal earned) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("participant_id", in.participantId());
        input.put("currency", in.currency().getCurrencyCode());
        input.put("assigned", Integer.toString(in.assigned()));
        input.put("benchmark_total", normalized(in.benchmarkTotal()));
        input.put("expenditure_total", normalized(in.expenditureTotal()));
        input.put("quality_score", in.qualityScore() == null ? null : normalized(in.qualityScore()));
        input.put("disaster_adjustment", normalized(in.disasterAdjustment()));
        input.put("revenue", in.revenue() == null ? null : normalized(in.revenue()));
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("savings", normalized(savings));
        results.put("msr", normalized(msr));
        results.put("mlr", normalized(mlr));
        results.put("generated", normalized(generated));
        results.put("final_share_rate", normalized(finalShareRate));
        results.put("earned", earned);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("version", VERSION);
        document.put("input", input);
        document.put("terms", canonical(termsName, terms));
        document.put("results", results);
        return Fingerprint.sha256(CanonicalJson.write(document));
    }

    static Map<String, Object> canonical(String name, SharedSavingsTerms t) {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("name", name);
        terms.put("msr", t.minimumSavingsRate().describe());
        terms.put("mlr", t.twoSided() ? t.minimumLossRate().describe() : null);
        terms.put("sharing", t.sharing());
        terms.put("max_share_rate", normalized(t.maxShareRate()));
        terms.put("quality_gate", Boolean.toString(t.qualityGate()));
        terms.put("minimum_quality_score", normalized(t.minimumQualityScore()));
        terms.put("withhold", normalized(t.withhold()));
        terms.put("savings_cap_rate", normalized(t.savingsCapRate()));
        terms.put("loss_rate", t.twoSided() ? t.lossRate().describe() : null);
        terms.put("loss_cap_rate", t.lossCapRate() == null ? null : normalized(t.lossCapRate()));
        terms.put("loss_cap_revenue_rate", t.lossCapRevenueRate() == null ? null : normalized(t.lossCapRevenueRate()));
        return terms;
    }

    /** A decimal without trailing zeros, so "0.10" and "0.1" are the same input. */
    static String normalized(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
