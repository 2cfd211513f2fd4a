package io.outcomepay.billing.settlement;

import io.outcomepay.billing.money.LargestRemainder;
import io.outcomepay.billing.money.Money;
import io.outcomepay.billing.settlement.SettlementResult.Exclusion;
import io.outcomepay.billing.settlement.SettlementResult.ExclusionReason;
import io.outcomepay.billing.settlement.SettlementResult.Row;
import io.outcomepay.billing.settlement.SettlementResult.TraceStep;
import io.outcomepay.billing.settlement.SettlementTerms.Eligibility;
import io.outcomepay.billing.settlement.SettlementTerms.SharingMethod;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.time.YearMonth;
import java.util.Currency;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Revenue-share settlement of one contract month against a DRG baseline. A plain function:
 * the same request always gives the same result, byte for byte.
 *
 * <pre>
 * baseline_i = round_half_up(weight(drg) x base_rate, scale)     actual_i = allowed_amount
 * excluded   = actual_i / baseline_i &lt; low or &gt; high; weight 0; another currency
 * B = sum baseline_i, A = sum actual_i over included;  savings = B - A;  rate = savings / B
 * pool = 0 if savings &lt;= 0 or rate &lt; msr;  savings (first_dollar);  savings - msr x B (above_threshold)
 * pool = round_half_up(min(pool, cap_rate x B), scale)
 * parties get pool x share by largest remainder (ties insurer, hospital, vendor)
 * </pre>
 * Rates shown in results are rounded half up to {@value #RATE_SCALE} decimals; every comparison
 * uses exact values.
 */
public final class SettlementEngine {

    public static final String TOTAL = "TOTAL";
    public static final int RATE_SCALE = 6;

    private SettlementEngine() {
    }

    public static SettlementResult settle(SettlementRequest request) {
        Currency currency = request.currency();
        SettlementTerms terms = request.terms();
        TreeSet<String> contractHospitals = new TreeSet<>(request.hospitals());
        List<TraceStep> trace = new ArrayList<>();
        List<Exclusion> exclusions = new ArrayList<>();
        Map<String, Accumulator> byHospital = new TreeMap<>();
        contractHospitals.forEach(h -> byHospital.put(h, new Accumulator(currency)));

        List<EncounterLine> lines = request.encounters().stream()
                .filter(l -> contractHospitals.contains(l.hospitalId()))
                .filter(l -> request.period().equals(YearMonth.from(l.dischargeDate())))
                .sorted(Comparator.comparing(EncounterLine::encounterId))
                .toList();
        int notEligible = 0;
        int eligible = 0;
        for (EncounterLine line : lines) {
            if (terms.eligible() == Eligibility.AI_ASSISTED && !line.aiAssisted()) {
                notEligible++;
                continue;
            }
            eligible++;
            Accumulator acc = byHospital.get(line.hospitalId());
            Exclusion exclusion = includeOrExclude(line, request, acc);
            if (exclusion != null) {
                exclusions.add(exclusion);
                acc.excluded++;
            }
        }
        trace.add(step("encounters_in_period", "discharged in " + request.period() + " at the contract's hospitals, not voided",
                Integer.toString(lines.size())));
        trace.add(step("not_eligible", "eligible: " + terms.eligible().name().toLowerCase(Locale.ROOT),
                Integer.toString(notEligible)));
        for (ExclusionReason reason : ExclusionReason.values()) {
            long n = exclusions.stream().filter(e -> e.reason() == reason).count();
            trace.add(step("excluded_" + reason.name().toLowerCase(Locale.ROOT), "eligible but left out", Long.toString(n)));
        }

        Accumulator all = new Accumulator(currency);
        byHospital.values().forEach(all::add);
        Money pool = pool(all, terms, currency, trace);

        Map<String, BigDecimal> partyShares = new LinkedHashMap<>();
        partyShares.put("insurer", terms.shares().insurer());
        partyShares.put("hospital", terms.shares().hospital());
        partyShares.put("vendor", terms.shares().vendor());
        Map<String, Money> parties = LargestRemainder.split(pool, partyShares);
        parties.forEach((party, amount) -> trace.add(step(party + "_share",
                "pool x " + partyShares.get(party).toPlainString() + ", cents by largest remainder",
                amount.amount().toPlainString())));

        Map<String, BigDecimal> positiveSavings = new LinkedHashMap<>();
        byHospital.forEach((h, acc) -> positiveSavings.put(h, acc.savings().amount().max(BigDecimal.ZERO)));
        Map<String, Money> poolByHospital = LargestRemainder.split(pool, positiveSavings);
        Map<String, Map<String, Money>> partyByHospital = new LinkedHashMap<>();
        parties.forEach((party, amount) -> partyByHospital.put(party, LargestRemainder.split(amount, positiveSavings)));

        List<Row> rows = new ArrayList<>();
        byHospital.forEach((h, acc) -> rows.add(acc.row(h, poolByHospital.get(h),
                partyByHospital.get("insurer").get(h), partyByHospital.get("hospital").get(h),
                partyByHospital.get("vendor").get(h))));
        Row total = all.row(TOTAL, pool, parties.get("insurer"), parties.get("hospital"), parties.get("vendor"));

        String fingerprint = Fingerprint.of(request, lines, eligible, notEligible, total, rows, exclusions);
        return new SettlementResult(request.contractId(), request.contractVersion(), request.period().toString(),
                currency.getCurrencyCode(), request.baseline().tableId(), request.baseline().tableVersion(),
                lines.size(), notEligible, total, List.copyOf(rows), List.copyOf(exclusions), List.copyOf(trace),
                fingerprint);
    }

    private static Exclusion includeOrExclude(EncounterLine line, SettlementRequest request, Accumulator acc) {
        if (!request.currency().getCurrencyCode().equals(line.currency())) {
            return exclusion(line, ExclusionReason.CURRENCY_MISMATCH,
                    "claim in " + line.currency() + ", contract in " + request.currency().getCurrencyCode());
        }
        BigDecimal weight = request.baseline().weights().get(line.drg());
        if (weight == null) {
            return exclusion(line, ExclusionReason.DRG_NOT_IN_TABLE, "DRG " + line.drg() + " not in "
                    + request.baseline().tableId() + " v" + request.baseline().tableVersion());
        }
        if (weight.signum() == 0) {
            return exclusion(line, ExclusionReason.UNGROUPABLE, "DRG " + line.drg() + " has weight 0");
        }
        Money baseline = Money.roundHalfUp(weight.multiply(request.baseline().baseRate()), request.currency());
        Money actual = new Money(line.allowedAmount(), request.currency());
        OutlierCheck check = new OutlierCheck(request.terms().outliers());
        ExclusionReason outlier = check.classify(actual.amount(), baseline.amount());
        if (outlier != null) {
            return exclusion(line, outlier, "actual " + actual.amount().toPlainString() + " / baseline "
                    + baseline.amount().toPlainString() + " = "
                    + ratio(actual.amount(), baseline.amount()).toPlainString() + " outside ["
                    + request.terms().outliers().low().toPlainString() + ", "
                    + request.terms().outliers().high().toPlainString() + "]");
        }
        acc.include(baseline, actual);
        return null;
    }

    private static Money pool(Accumulator all, SettlementTerms terms, Currency currency, List<TraceStep> trace) {
        Money b = all.baseline;
        Money savings = all.savings();
        BigDecimal threshold = terms.minimumSavingsRate().multiply(b.amount());
        BigDecimal cap = terms.capRate().multiply(b.amount());
        trace.add(step("included", "eligible and not excluded", Integer.toString(all.included)));
        trace.add(step("baseline_total", "B = sum of round_half_up(weight x base_rate)", b.amount().toPlainString()));
        trace.add(step("actual_total", "A = sum of allowed_amount", all.actual.amount().toPlainString()));
        trace.add(step("savings", "B - A", savings.amount().toPlainString()));
        trace.add(step("savings_rate", "(B - A) / B, shown to " + RATE_SCALE + " decimals", rateText(savings.amount(), b.amount())));
        trace.add(step("msr_threshold", "minimum_savings_rate x B = " + terms.minimumSavingsRate().toPlainString()
                + " x B", threshold.toPlainString()));
        boolean met = savings.isPositive() && savings.amount().compareTo(threshold) >= 0;
        trace.add(step("threshold_met", "savings > 0 and savings >= minimum_savings_rate x B", Boolean.toString(met)));
        BigDecimal gross;
        if (!met) {
            gross = BigDecimal.ZERO;
        } else if (terms.sharing() == SharingMethod.FIRST_DOLLAR) {
            gross = savings.amount();
        } else {
            gross = savings.amount().subtract(threshold);
        }
        trace.add(step("shareable_savings", terms.sharing() == SharingMethod.FIRST_DOLLAR
                ? "first_dollar: savings if threshold met, else 0"
                : "above_threshold: savings - minimum_savings_rate x B if threshold met, else 0", gross.toPlainString()));
        trace.add(step("cap", "cap_rate x B = " + terms.capRate().toPlainString() + " x B", cap.toPlainString()));
        Money pool = Money.roundHalfUp(gross.min(cap), currency);
        trace.add(step("pool", "round_half_up(min(shareable_savings, cap), " + Money.scaleOf(currency) + ")",
                pool.amount().toPlainString()));
        return pool;
    }

    private static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        return numerator.divide(denominator, RATE_SCALE, RoundingMode.HALF_UP);
    }

    static String rateText(BigDecimal savings, BigDecimal baseline) {
        return baseline.signum() == 0 ? "" : ratio(savings, baseline).toPlainString();
    }

    private static Exclusion exclusion(EncounterLine line, ExclusionReason reason, String detail) {
        return new Exclusion(line.encounterId(), line.claimId(), line.hospitalId(), line.drg(), reason, detail);
    }

    private static TraceStep step(String name, String rule, String value) {
        return new TraceStep(name, rule, value);
    }

    /** Exact outlier test without division: actual &lt; low x baseline or actual &gt; high x baseline. */
    private record OutlierCheck(SettlementTerms.OutlierBounds bounds) {
        ExclusionReason classify(BigDecimal actual, BigDecimal baseline) {
            if (actual.compareTo(bounds.low().multiply(baseline)) < 0) {
                return ExclusionReason.LOW_OUTLIER;
            }
            if (actual.compareTo(bounds.high().multiply(baseline)) > 0) {
                return ExclusionReason.HIGH_OUTLIER;
            }
            return null;
        }
    }

    private static final class Accumulator {
        private Money baseline;
        private Money actual;
        private int included;
        private int excluded;

        Accumulator(Currency currency) {
            baseline = Money.zero(currency);
            actual = Money.zero(currency);
        }

        void include(Money b, Money a) {
            baseline = baseline.plus(b);
            actual = actual.plus(a);
            included++;
        }

        void add(Accumulator other) {
            baseline = baseline.plus(other.baseline);
            actual = actual.plus(other.actual);
            included += other.included;
            excluded += other.excluded;
        }

        Money savings() {
            return baseline.minus(actual);
        }

        Row row(String hospitalId, Money pool, Money insurer, Money hospital, Money vendor) {
            BigDecimal rate = baseline.isZero() ? null : ratio(savings().amount(), baseline.amount());
            return new Row(hospitalId, included, excluded, baseline.amount(), actual.amount(), savings().amount(),
                    rate, pool.amount(), insurer.amount(), hospital.amount(), vendor.amount());
        }
    }
}
