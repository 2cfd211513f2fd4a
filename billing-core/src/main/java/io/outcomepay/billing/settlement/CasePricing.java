package io.outcomepay.billing.settlement;

import io.outcomepay.billing.money.Money;
import io.outcomepay.billing.settlement.SettlementResult.ExclusionReason;
import io.outcomepay.billing.settlement.SettlementTerms.Eligibility;
import io.outcomepay.billing.settlement.SettlementTerms.OutlierBounds;
import io.outcomepay.billing.settlement.SettlementTerms.OutlierRule;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * How one contract month prices a single encounter: its baseline and its actual cost after the
 * outlier rule, or the reason it is left out. The in-memory engine and the encounter facts
 * projection both price with it, so a case is priced the same way on either path.
 *
 * <pre>
 * AI-assisted for this contract or not, for which vendor   ContractParties.attribute
 * no payer at a hospital another insurer also covers       excluded (payer_unknown)
 * currency other than the contract's                      excluded (currency_mismatch)
 * no norm (group not in the table, weight or score 0)     excluded (drg_not_in_table, ungroupable)
 * ratio = actual / norm above review                      excluded (expert_review)
 * ratio outside [low, high]: exclude | cap (actual = bound x norm, half up) |
 *     prorate (baseline = standard x ratio below low, standard x (ratio - high + 1) above high, half up)
 * otherwise baseline = round_half_up(standard), actual = allowed amount
 * </pre>
 */
public record CasePricing(Currency currency, CaseBaseline baseline, SettlementTerms terms, ContractParties parties) {

    public CasePricing {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(parties, "parties");
    }

    public static CasePricing of(SettlementRequest request) {
        return new CasePricing(request.currency(), request.baseline(), request.terms(), request.parties());
    }

    /** Whether the encounter is this contract's: its payer is one of the contract's, or it names none. */
    public boolean counts(EncounterLine line) {
        return parties.counts(line);
    }

    /**
     * One encounter priced. The rules are applied whether or not the contract's eligibility takes
     * the case (statistics compare AI-assisted cases with the others).
     *
     * @param eligible   whether the contract's eligibility takes the case
     * @param exclusion  why the rules leave it out, or null when they include it
     * @param baseline   the case's baseline, null when excluded
     * @param actual     its actual cost after the outlier rule, null when excluded
     * @param weight     its group's case-mix weight (DRG weight, DIP score), null when the table has no such group
     * @param adjustment capped_low, capped_high, prorated_low or prorated_high when the outlier rule adjusted it
     */
    public record PricedLine(EncounterLine line, boolean eligible, ExclusionReason exclusion, String detail,
                             BigDecimal baseline, BigDecimal actual, BigDecimal weight, String adjustment) {

        /** Counted in the settlement's totals: eligible and not excluded. */
        public boolean included() {
            return eligible && exclusion == null;
        }
    }

    public PricedLine price(EncounterLine read) {
        EncounterLine line = parties.attribute(read);
        boolean eligible = terms.eligible() != Eligibility.AI_ASSISTED || line.aiAssisted();
        BigDecimal weight = baseline.caseWeight(line);
        if (parties.payerUnknown(line)) {
            return excluded(line, eligible, weight, ExclusionReason.PAYER_UNKNOWN,
                    "no payer named; another insurer's contract also covers " + line.hospitalId());
        }
        if (!currency.getCurrencyCode().equals(line.currency())) {
            return excluded(line, eligible, weight, ExclusionReason.CURRENCY_MISMATCH,
                    "claim in " + line.currency() + ", contract in " + currency.getCurrencyCode());
        }
        CaseBaseline.Norm norm = baseline.normFor(line, currency);
        if (norm.missing() != null) {
            return excluded(line, eligible, weight, norm.missing(), norm.detail());
        }
        BigDecimal reference = norm.reference();
        Money actual = new Money(line.allowedAmount(), currency);
        OutlierBounds bounds = terms.outliers();
        if (bounds.review() != null && actual.amount().compareTo(bounds.review().multiply(reference)) > 0) {
            return excluded(line, eligible, weight, ExclusionReason.EXPERT_REVIEW, ratio(actual, reference)
                    + " above review " + bounds.review().toPlainString());
        }
        boolean low = actual.amount().compareTo(bounds.low().multiply(reference)) < 0;
        boolean high = actual.amount().compareTo(bounds.high().multiply(reference)) > 0;
        Money caseBaseline = Money.roundHalfUp(norm.standard(), currency);
        String adjustment = null;
        if (low || high) {
            switch (bounds.rule()) {
                case EXCLUDE -> {
                    return excluded(line, eligible, weight, low ? ExclusionReason.LOW_OUTLIER : ExclusionReason.HIGH_OUTLIER,
                            ratio(actual, reference) + " outside [" + bounds.low().toPlainString() + ", " + bounds.high().toPlainString() + "]");
                }
                case CAP -> actual = Money.roundHalfUp((low ? bounds.low() : bounds.high()).multiply(reference), currency);
                case PRORATE -> {
                    // ratio x standard below low, (ratio - high + 1) x standard above high; exact until rounded
                    BigDecimal scaledCost = low ? actual.amount()
                            : actual.amount().subtract(bounds.high().subtract(BigDecimal.ONE).multiply(reference));
                    caseBaseline = Money.roundHalfUp(scaledCost.multiply(norm.standard())
                            .divide(reference, MathContext.DECIMAL128), currency);
                }
            }
            adjustment = (bounds.rule() == OutlierRule.CAP ? "capped_" : "prorated_") + (low ? "low" : "high");
        }
        return new PricedLine(line, eligible, null, null, caseBaseline.amount(), actual.amount(), weight, adjustment);
    }

    private static String ratio(Money actual, BigDecimal reference) {
        return "actual " + actual.amount().toPlainString() + " / norm " + reference.toPlainString() + " = "
                + actual.amount().divide(reference, SettlementEngine.RATE_SCALE, RoundingMode.HALF_UP).toPlainString();
    }

    private static PricedLine excluded(EncounterLine line, boolean eligible, BigDecimal weight, ExclusionReason reason,
                                       String detail) {
        return new PricedLine(line, eligible, reason, detail, null, null, weight, null);
    }
}
