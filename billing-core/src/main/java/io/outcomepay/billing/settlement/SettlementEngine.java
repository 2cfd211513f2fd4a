package io.outcomepay.billing.settlement;

import io.outcomepay.billing.money.LargestRemainder;
import io.outcomepay.billing.money.Money;
import io.outcomepay.billing.settlement.SettlementResult.Exclusion;
import io.outcomepay.billing.settlement.SettlementResult.ExclusionReason;
import io.outcomepay.billing.settlement.SettlementResult.Row;
import io.outcomepay.billing.settlement.SettlementResult.TraceStep;
import io.outcomepay.billing.settlement.SettlementTerms.Eligibility;
import io.outcomepay.billing.settlement.SettlementTerms.OutlierBounds;
import io.outcomepay.billing.settlement.SettlementTerms.OutlierRule;
import io.outcomepay.billing.settlement.totals.SharedSavingsEngine;
import io.outcomepay.billing.settlement.totals.TotalsInput;
import io.outcomepay.billing.settlement.totals.TotalsResult;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Settlement of one contract month against a DRG baseline. A plain function: the same request
 * always gives the same result, byte for byte.
 *
 * <pre>
 * norm_i, standard_i: DRG  weight x base_rate (rounded half up) for both;
 *                     DIP  group mean cost, and score x point_value x institution coefficient
 * ratio_i = actual_i / norm_i        actual_i = allowed_amount
 * outside [low, high]: exclude | cap (actual_i = bound x norm_i, half up) |
 *     prorate (standard_i x ratio_i below low, standard_i x (ratio_i - high + 1) above high)
 * baseline_i = round_half_up(standard_i, after proration, scale)
 * ratio above review, no norm (weight or score 0, group not in the table), another currency: excluded, listed
 * B = sum baseline_i, A = sum actual_i over included
 * pool = earned of the shared savings engine on (B, A) with the contract's terms (msr, sharing,
 *        max share x quality, withhold, cap; losses when two-sided), rounded half up
 * parties get pool x share by largest remainder (ties: insurer, hospital, vendors in order);
 * each column is split over hospitals pro rata to their savings (their losses for a negative pool)
 * </pre>
 * Rates shown in results are rounded half up to {@value #RATE_SCALE} decimals; every comparison
 * uses exact values.
 */
public final class SettlementEngine {

    public static final String TOTAL = "TOTAL";
    static final String INSURER = "insurer";
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
        Map<String, Integer> adjusted = new TreeMap<>();
        for (EncounterLine line : lines) {
            if (terms.eligible() == Eligibility.AI_ASSISTED && !line.aiAssisted()) {
                notEligible++;
                continue;
            }
            eligible++;
            Accumulator acc = byHospital.get(line.hospitalId());
            Exclusion exclusion = includeOrExclude(line, request, acc, adjusted);
            if (exclusion != null) {
                exclusions.add(exclusion);
                acc.excluded++;
            }
        }
        trace.add(step("encounters_in_period", "discharged in the period at the contract's hospitals, not voided",
                Map.of("period", request.period().toString(), "hospitals", String.join(",", contractHospitals)),
                Integer.toString(lines.size())));
        trace.add(step("not_eligible", "terms.eligible = " + terms.eligible().name().toLowerCase(Locale.ROOT),
                Map.of(), Integer.toString(notEligible)));
        for (ExclusionReason reason : ExclusionReason.values()) {
            long n = exclusions.stream().filter(e -> e.reason() == reason).count();
            trace.add(step("excluded_" + reason.name().toLowerCase(Locale.ROOT), "eligible but left out", Map.of(),
                    Long.toString(n)));
        }
        adjusted.forEach((what, n) -> trace.add(step(what, "outliers.rule = "
                + terms.outliers().rule().name().toLowerCase(Locale.ROOT), Map.of(), Integer.toString(n))));

        Accumulator all = new Accumulator(currency);
        byHospital.values().forEach(all::add);
        trace.add(step("included", "eligible and not excluded", Map.of(), Integer.toString(all.included)));
        Map<String, String> pricing = new TreeMap<>();
        request.baseline().pricing().forEach((k, v) -> pricing.put(k, String.valueOf(v)));
        pricing.put("table", request.baseline().tableId() + " v" + request.baseline().tableVersion());
        trace.add(step("baseline_total", "B = sum of baseline_i", pricing, all.baseline.amount().toPlainString()));
        trace.add(step("actual_total", "A = sum of actual_i", Map.of(), all.actual.amount().toPlainString()));
        Money pool = pool(request, all, trace);

        Map<String, BigDecimal> shares = terms.shares().byParty(request.vendor());
        Map<String, Money> parties = split(pool, shares);
        parties.forEach((party, amount) -> trace.add(step(party + "_share",
                "pool x share, minor units by largest remainder", Map.of("share", shares.get(party).toPlainString()),
                amount.amount().toPlainString())));

        Map<String, BigDecimal> hospitalWeights = new LinkedHashMap<>();
        byHospital.forEach((h, acc) -> hospitalWeights.put(h, pool.amount().signum() < 0
                ? acc.savings().amount().negate().max(BigDecimal.ZERO) : acc.savings().amount().max(BigDecimal.ZERO)));
        Map<String, Money> poolByHospital = split(pool, hospitalWeights);
        Map<String, Map<String, Money>> partyByHospital = new LinkedHashMap<>();
        parties.forEach((party, amount) -> partyByHospital.put(party, split(amount, hospitalWeights)));

        List<Row> rows = new ArrayList<>();
        for (String h : byHospital.keySet()) {
            Map<String, Money> mine = new LinkedHashMap<>();
            partyByHospital.forEach((party, split) -> mine.put(party, split.get(h)));
            rows.add(byHospital.get(h).row(h, poolByHospital.get(h), mine));
        }
        Row total = all.row(TOTAL, pool, parties);

        List<SettlementResult.Payment> payments = new ArrayList<>();
        parties.forEach((party, amount) -> {
            if (!party.equals("insurer") && !amount.isZero()) {
                String name = party.equals("hospital") ? "hospitals" : party.substring("vendor:".length());
                payments.add(amount.isPositive()
                        ? new SettlementResult.Payment(INSURER, name, amount.amount())
                        : new SettlementResult.Payment(name, INSURER, amount.amount().negate()));
            }
        });
        payments.forEach(p -> trace.add(step("payment", p.payer() + " pays " + p.payee(), Map.of(),
                p.amount().toPlainString())));
        String fingerprint = Fingerprint.of(request, lines, eligible, notEligible, total, rows, exclusions);
        return new SettlementResult(request.contractId(), request.contractVersion(), request.period().toString(),
                currency.getCurrencyCode(), request.baseline().tableId(), request.baseline().tableVersion(),
                lines.size(), notEligible, total, List.copyOf(rows), List.copyOf(exclusions), List.copyOf(trace),
                fingerprint, request.qualityScore(), payments);
    }

    /** Splits an amount of either sign: the absolute value by largest remainder, the sign kept. */
    /**
     * A case as settlement prices it: its baseline and its actual cost after the outlier rule, and
     * its case-mix weight. {@code eligible} says whether the contract's eligibility takes it.
     */
    public record PricedCase(EncounterLine line, BigDecimal baseline, BigDecimal actual, BigDecimal weight,
                             boolean eligible) {
    }

    /**
     * Every encounter of the period at the contract's hospitals that the currency, baseline and
     * outlier rules include, eligible or not (statistics compare AI-assisted cases with the others),
     * by encounter id.
     */
    public static List<PricedCase> pricedCases(SettlementRequest request) {
        Set<String> hospitals = Set.copyOf(request.hospitals());
        List<PricedCase> cases = new ArrayList<>();
        request.encounters().stream()
                .filter(l -> hospitals.contains(l.hospitalId()))
                .filter(l -> request.period().equals(YearMonth.from(l.dischargeDate())))
                .sorted(Comparator.comparing(EncounterLine::encounterId))
                .forEach(line -> {
                    Accumulator one = new Accumulator(request.currency());
                    if (includeOrExclude(line, request, one, new TreeMap<>()) == null) {
                        cases.add(new PricedCase(line, one.baseline.amount(), one.actual.amount(),
                                request.baseline().caseWeight(line),
                                request.terms().eligible() != Eligibility.AI_ASSISTED || line.aiAssisted()));
                    }
                });
        return cases;
    }

    private static <K> Map<K, Money> split(Money amount, Map<K, BigDecimal> weights) {
        if (amount.amount().signum() >= 0) {
            return LargestRemainder.split(amount, weights);
        }
        Map<K, Money> parts = LargestRemainder.split(new Money(amount.amount().negate(), amount.currency()), weights);
        parts.replaceAll((k, m) -> new Money(m.amount().negate(), m.currency()));
        return parts;
    }

    private static Money pool(SettlementRequest request, Accumulator all, List<TraceStep> trace) {
        Currency currency = request.currency();
        if (all.baseline.isZero()) {
            trace.add(step("pool", "no included encounter: nothing to share", Map.of(), "0"));
            return Money.zero(currency);
        }
        // A table msr goes by the number of distinct patients settled (the assigned beneficiaries of MSSP).
        TotalsResult shared = SharedSavingsEngine.settle(new TotalsInput(request.contractId(), currency, all.patients.size(),
                all.baseline.amount(), all.actual.amount(), request.qualityScore(), null), request.terms().preset(),
                request.terms().sharedSavings());
        shared.trace().forEach(s -> trace.add(new TraceStep(s.name(), s.formula()
                .replace("benchmark_total", "B").replace("expenditure_total", "A").replace("benchmark", "B"),
                s.inputs(), s.value())));
        Money pool = new Money(shared.earned(), currency);
        trace.add(step("pool", "earned: " + (pool.amount().signum() < 0 ? "a shared loss the parties pay"
                : "the savings the parties share"), Map.of(), pool.amount().toPlainString()));
        return pool;
    }

    private static Exclusion includeOrExclude(EncounterLine line, SettlementRequest request, Accumulator acc,
                                              Map<String, Integer> adjusted) {
        if (!request.currency().getCurrencyCode().equals(line.currency())) {
            return exclusion(line, ExclusionReason.CURRENCY_MISMATCH,
                    "claim in " + line.currency() + ", contract in " + request.currency().getCurrencyCode());
        }
        CaseBaseline.Norm norm = request.baseline().normFor(line, request.currency());
        if (norm.missing() != null) {
            return exclusion(line, norm.missing(), norm.detail());
        }
        BigDecimal reference = norm.reference();
        Money actual = new Money(line.allowedAmount(), request.currency());
        OutlierBounds bounds = request.terms().outliers();
        String ratio = "actual " + actual.amount().toPlainString() + " / norm " + reference.toPlainString()
                + " = " + actual.amount().divide(reference, RATE_SCALE, RoundingMode.HALF_UP).toPlainString();
        if (bounds.review() != null && actual.amount().compareTo(bounds.review().multiply(reference)) > 0) {
            return exclusion(line, ExclusionReason.EXPERT_REVIEW, ratio + " above review "
                    + bounds.review().toPlainString());
        }
        boolean low = actual.amount().compareTo(bounds.low().multiply(reference)) < 0;
        boolean high = actual.amount().compareTo(bounds.high().multiply(reference)) > 0;
        Money baseline = Money.roundHalfUp(norm.standard(), request.currency());
        if (low || high) {
            switch (bounds.rule()) {
                case EXCLUDE -> {
                    return exclusion(line, low ? ExclusionReason.LOW_OUTLIER : ExclusionReason.HIGH_OUTLIER,
                            ratio + " outside [" + bounds.low().toPlainString() + ", " + bounds.high().toPlainString() + "]");
                }
                case CAP -> actual = Money.roundHalfUp((low ? bounds.low() : bounds.high()).multiply(reference),
                        request.currency());
                case PRORATE -> {
                    // ratio x standard below low, (ratio - high + 1) x standard above high; exact until rounded
                    BigDecimal scaledCost = low ? actual.amount()
                            : actual.amount().subtract(bounds.high().subtract(BigDecimal.ONE).multiply(reference));
                    baseline = Money.roundHalfUp(scaledCost.multiply(norm.standard())
                            .divide(reference, MathContext.DECIMAL128), request.currency());
                }
            }
            adjusted.merge((bounds.rule() == OutlierRule.CAP ? "capped_" : "prorated_") + (low ? "low" : "high"), 1,
                    Integer::sum);
        }
        acc.include(baseline, actual, line.patient() != null ? line.patient() : line.encounterId());
        return null;
    }

    private static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        return numerator.divide(denominator, RATE_SCALE, RoundingMode.HALF_UP);
    }

    private static Exclusion exclusion(EncounterLine line, ExclusionReason reason, String detail) {
        return new Exclusion(line.encounterId(), line.claimId(), line.hospitalId(), line.drg(), reason, detail);
    }

    private static TraceStep step(String name, String formula, Map<String, String> inputs, String value) {
        return new TraceStep(name, formula, new TreeMap<>(inputs), value);
    }

    private static final class Accumulator {
        private Money baseline;
        private Money actual;
        private int included;
        private int excluded;
        private final java.util.Set<String> patients = new java.util.HashSet<>();

        Accumulator(Currency currency) {
            baseline = Money.zero(currency);
            actual = Money.zero(currency);
        }

        void include(Money b, Money a, String patient) {
            baseline = baseline.plus(b);
            actual = actual.plus(a);
            included++;
            patients.add(patient);
        }

        void add(Accumulator other) {
            baseline = baseline.plus(other.baseline);
            actual = actual.plus(other.actual);
            included += other.included;
            excluded += other.excluded;
            patients.addAll(other.patients);
        }

        Money savings() {
            return baseline.minus(actual);
        }

        Row row(String hospitalId, Money pool, Map<String, Money> parties) {
            BigDecimal rate = baseline.isZero() ? null : ratio(savings().amount(), baseline.amount());
            Map<String, BigDecimal> vendors = new LinkedHashMap<>();
            BigDecimal vendorTotal = BigDecimal.ZERO.setScale(pool.amount().scale());
            for (Map.Entry<String, Money> e : parties.entrySet()) {
                if (e.getKey().startsWith("vendor:")) {
                    vendors.put(e.getKey().substring("vendor:".length()), e.getValue().amount());
                    vendorTotal = vendorTotal.add(e.getValue().amount());
                }
            }
            return new Row(hospitalId, included, excluded, baseline.amount(), actual.amount(), savings().amount(),
                    rate, pool.amount(), parties.get("insurer").amount(), parties.get("hospital").amount(), vendorTotal,
                    vendors);
        }
    }
}
