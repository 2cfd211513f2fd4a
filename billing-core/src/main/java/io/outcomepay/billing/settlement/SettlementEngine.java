package io.outcomepay.billing.settlement;

import io.outcomepay.billing.money.LargestRemainder;
import io.outcomepay.billing.money.Money;
import io.outcomepay.billing.settlement.SettlementResult.Exclusion;
import io.outcomepay.billing.settlement.SettlementResult.ExclusionReason;
import io.outcomepay.billing.settlement.SettlementResult.Row;
import io.outcomepay.billing.settlement.SettlementResult.TraceStep;
import io.outcomepay.billing.settlement.totals.SharedSavingsEngine;
import io.outcomepay.billing.settlement.totals.TotalsInput;
import io.outcomepay.billing.settlement.totals.TotalsResult;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.MessageDigest;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.HexFormat;
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
        return settle(request, price(request));
    }

    /**
     * Prices the request's encounters in memory: those discharged in the period at the contract's
     * hospitals, in encounter id order.
     */
    public static PricedPeriod price(SettlementRequest request) {
        CasePricing pricing = CasePricing.of(request);
        boolean countPatients = request.terms().sharedSavings().dependsOnAssigned();
        Map<String, HospitalSums> byHospital = new TreeMap<>();
        request.hospitals().forEach(h -> byHospital.put(h, new HospitalSums(request.currency())));
        List<EncounterLine> lines = request.encounters().stream()
                .filter(l -> byHospital.containsKey(l.hospitalId()))
                .filter(l -> request.period().equals(YearMonth.from(l.dischargeDate())))
                .filter(pricing::counts)
                .sorted(Comparator.comparing(EncounterLine::encounterId))
                .toList();
        boolean namesParties = false;
        int notEligible = 0;
        List<Exclusion> exclusions = new ArrayList<>();
        Map<String, Integer> adjusted = new TreeMap<>();
        Set<String> patients = new HashSet<>();
        for (EncounterLine read : lines) {
            HospitalSums sums = byHospital.get(read.hospitalId());
            CasePricing.PricedLine priced = pricing.price(read);
            EncounterLine line = priced.line();
            sums.digest.update(Fingerprint.lineSha256(line));
            sums.lines++;
            namesParties |= Fingerprint.namesParties(line);
            if (!priced.eligible()) {
                notEligible++;
            } else if (priced.exclusion() != null) {
                exclusions.add(new Exclusion(line.encounterId(), line.claimId(), line.hospitalId(), line.drg(),
                        priced.exclusion(), priced.detail()));
                sums.excluded++;
            } else {
                sums.baseline = sums.baseline.add(priced.baseline());
                sums.actual = sums.actual.add(priced.actual());
                sums.included++;
                if (priced.adjustment() != null) {
                    adjusted.merge(priced.adjustment(), 1, Integer::sum);
                }
                if (countPatients) {
                    patients.add(line.patient() != null ? line.patient() : line.encounterId());
                }
            }
        }
        List<PricedPeriod.HospitalTotals> hospitals = new ArrayList<>();
        byHospital.forEach((h, sums) -> hospitals.add(new PricedPeriod.HospitalTotals(h, sums.lines,
                HexFormat.of().formatHex(sums.digest.digest()), sums.included, sums.excluded, sums.baseline, sums.actual)));
        return new PricedPeriod(lines.size(), notEligible, hospitals, exclusions, adjusted, patients.size(), namesParties);
    }

    /**
     * Settles a priced period: the request names the contract, its terms and baseline (its
     * encounters are not read again).
     */
    public static SettlementResult settle(SettlementRequest request, PricedPeriod priced) {
        Currency currency = request.currency();
        SettlementTerms terms = request.terms();
        List<TraceStep> trace = new ArrayList<>();
        trace.add(step("encounters_in_period", "discharged in the period at the contract's hospitals, not voided",
                Map.of("period", request.period().toString(), "hospitals",
                        String.join(",", new TreeSet<>(request.hospitals()))),
                Integer.toString(priced.inPeriod())));
        trace.add(step("not_eligible", "terms.eligible = " + terms.eligible().name().toLowerCase(Locale.ROOT),
                Map.of(), Integer.toString(priced.notEligible())));
        for (ExclusionReason reason : ExclusionReason.values()) {
            long n = priced.exclusions().stream().filter(e -> e.reason() == reason).count();
            trace.add(step("excluded_" + reason.name().toLowerCase(Locale.ROOT), "eligible but left out", Map.of(),
                    Long.toString(n)));
        }
        priced.adjusted().forEach((what, n) -> trace.add(step(what, "outliers.rule = "
                + terms.outliers().rule().name().toLowerCase(Locale.ROOT), Map.of(), Integer.toString(n))));

        Money baselineTotal = Money.zero(currency);
        Money actualTotal = Money.zero(currency);
        int included = 0;
        int excluded = 0;
        for (PricedPeriod.HospitalTotals h : priced.hospitals()) {
            baselineTotal = baselineTotal.plus(new Money(h.baseline(), currency));
            actualTotal = actualTotal.plus(new Money(h.actual(), currency));
            included += h.included();
            excluded += h.excluded();
        }
        trace.add(step("included", "eligible and not excluded", Map.of(), Integer.toString(included)));
        Map<String, String> pricing = new TreeMap<>();
        request.baseline().pricing().forEach((k, v) -> pricing.put(k, String.valueOf(v)));
        pricing.put("table", request.baseline().tableId() + " v" + request.baseline().tableVersion());
        trace.add(step("baseline_total", "B = sum of baseline_i", pricing, baselineTotal.amount().toPlainString()));
        trace.add(step("actual_total", "A = sum of actual_i", Map.of(), actualTotal.amount().toPlainString()));
        Money pool = pool(request, baselineTotal, actualTotal, priced.patients(), trace);

        Map<String, BigDecimal> shares = terms.shares().byParty(request.vendor());
        Map<String, Money> parties = split(pool, shares);
        parties.forEach((party, amount) -> trace.add(step(party + "_share",
                "pool x share, minor units by largest remainder", Map.of("share", shares.get(party).toPlainString()),
                amount.amount().toPlainString())));

        Map<String, BigDecimal> hospitalWeights = new LinkedHashMap<>();
        priced.hospitals().forEach(h -> {
            BigDecimal savings = h.baseline().subtract(h.actual());
            hospitalWeights.put(h.hospitalId(), (pool.amount().signum() < 0 ? savings.negate() : savings)
                    .max(BigDecimal.ZERO));
        });
        Map<String, Money> poolByHospital = split(pool, hospitalWeights);
        Map<String, Map<String, Money>> partyByHospital = new LinkedHashMap<>();
        parties.forEach((party, amount) -> partyByHospital.put(party, split(amount, hospitalWeights)));

        List<Row> rows = new ArrayList<>();
        for (PricedPeriod.HospitalTotals h : priced.hospitals()) {
            Map<String, Money> mine = new LinkedHashMap<>();
            partyByHospital.forEach((party, split) -> mine.put(party, split.get(h.hospitalId())));
            rows.add(row(h.hospitalId(), h.included(), h.excluded(), h.baseline(), h.actual(),
                    poolByHospital.get(h.hospitalId()), mine));
        }
        Row total = row(TOTAL, included, excluded, baselineTotal.amount(), actualTotal.amount(), pool, parties);

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
        String fingerprint = Fingerprint.of(request, priced, total, rows);
        return new SettlementResult(request.contractId(), request.contractVersion(), request.period().toString(),
                currency.getCurrencyCode(), request.baseline().tableId(), request.baseline().tableVersion(),
                priced.inPeriod(), priced.notEligible(), total, List.copyOf(rows), priced.exclusions(),
                List.copyOf(trace), fingerprint, request.qualityScore(), payments);
    }

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
        CasePricing pricing = CasePricing.of(request);
        return request.encounters().stream()
                .filter(l -> hospitals.contains(l.hospitalId()))
                .filter(l -> request.period().equals(YearMonth.from(l.dischargeDate())))
                .filter(pricing::counts)
                .sorted(Comparator.comparing(EncounterLine::encounterId))
                .map(pricing::price)
                .filter(p -> p.exclusion() == null)
                .map(p -> new PricedCase(p.line(), p.baseline(), p.actual(), p.weight(), p.eligible()))
                .toList();
    }

    /** Splits an amount of either sign: the absolute value by largest remainder, the sign kept. */
    private static <K> Map<K, Money> split(Money amount, Map<K, BigDecimal> weights) {
        if (amount.amount().signum() >= 0) {
            return LargestRemainder.split(amount, weights);
        }
        Map<K, Money> parts = LargestRemainder.split(new Money(amount.amount().negate(), amount.currency()), weights);
        parts.replaceAll((k, m) -> new Money(m.amount().negate(), m.currency()));
        return parts;
    }

    private static Money pool(SettlementRequest request, Money baseline, Money actual, int patients,
                              List<TraceStep> trace) {
        Currency currency = request.currency();
        if (baseline.isZero()) {
            trace.add(step("pool", "no included encounter: nothing to share", Map.of(), "0"));
            return Money.zero(currency);
        }
        // A banded msr goes by the number of distinct patients settled (the assigned beneficiaries of MSSP).
        TotalsResult shared = SharedSavingsEngine.settle(new TotalsInput(request.contractId(), currency, patients,
                baseline.amount(), actual.amount(), request.qualityScore(), null), request.terms().preset(),
                request.terms().sharedSavings());
        shared.trace().forEach(s -> trace.add(new TraceStep(s.name(), s.formula()
                .replace("benchmark_total", "B").replace("expenditure_total", "A").replace("benchmark", "B"),
                s.inputs(), s.value())));
        Money pool = new Money(shared.earned(), currency);
        trace.add(step("pool", "earned: " + (pool.amount().signum() < 0 ? "a shared loss the parties pay"
                : "the savings the parties share"), Map.of(), pool.amount().toPlainString()));
        return pool;
    }

    private static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        return numerator.divide(denominator, RATE_SCALE, RoundingMode.HALF_UP);
    }

    private static TraceStep step(String name, String formula, Map<String, String> inputs, String value) {
        return new TraceStep(name, formula, new TreeMap<>(inputs), value);
    }

    private static Row row(String hospitalId, int included, int excluded, BigDecimal baseline, BigDecimal actual,
                           Money pool, Map<String, Money> parties) {
        BigDecimal savings = baseline.subtract(actual);
        BigDecimal rate = baseline.signum() == 0 ? null : ratio(savings, baseline);
        Map<String, BigDecimal> vendors = new LinkedHashMap<>();
        BigDecimal vendorTotal = BigDecimal.ZERO.setScale(pool.amount().scale());
        for (Map.Entry<String, Money> e : parties.entrySet()) {
            if (e.getKey().startsWith("vendor:")) {
                vendors.put(e.getKey().substring("vendor:".length()), e.getValue().amount());
                vendorTotal = vendorTotal.add(e.getValue().amount());
            }
        }
        return new Row(hospitalId, included, excluded, baseline, actual, savings, rate, pool.amount(),
                parties.get("insurer").amount(), parties.get("hospital").amount(), vendorTotal, vendors);
    }

    /** One hospital's running sums while pricing in memory. */
    private static final class HospitalSums {
        private final MessageDigest digest = Fingerprint.newSha256();
        private BigDecimal baseline;
        private BigDecimal actual;
        private int lines;
        private int included;
        private int excluded;

        HospitalSums(Currency currency) {
            baseline = Money.zero(currency).amount();
            actual = baseline;
        }
    }
}
