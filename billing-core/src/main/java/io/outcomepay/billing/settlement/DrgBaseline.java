package io.outcomepay.billing.settlement;

import io.outcomepay.billing.money.Money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One version of a DRG relative-weight table and the contract's base rate:
 * baseline_i = round_half_up(weight(drg_i) x base_rate, currency scale), which is also the norm
 * outliers are measured against.
 *
 * @param contentSha256 fingerprint of the whole table version, so a settlement names exactly the
 *                      weights it used
 */
public record DrgBaseline(String tableId, int tableVersion, String contentSha256, BigDecimal baseRate,
                          Map<String, BigDecimal> weights) implements CaseBaseline {

    public DrgBaseline {
        Objects.requireNonNull(tableId, "tableId");
        Objects.requireNonNull(contentSha256, "contentSha256");
        Objects.requireNonNull(weights, "weights");
        if (baseRate == null || baseRate.signum() <= 0) {
            throw new IllegalArgumentException("base_rate must be positive");
        }
        weights = Map.copyOf(weights);
    }

    @Override
    public BigDecimal caseWeight(EncounterLine line) {
        return line.drg() == null ? null : weights.get(line.drg());
    }

    @Override
    public Norm normFor(EncounterLine line, Currency currency) {
        BigDecimal weight = line.drg() == null ? null : weights.get(line.drg());
        if (weight == null) {
            return Norm.none(SettlementResult.ExclusionReason.DRG_NOT_IN_TABLE, "DRG " + line.drg() + " not in "
                    + tableId + " v" + tableVersion);
        }
        if (weight.signum() == 0) {
            return Norm.none(SettlementResult.ExclusionReason.UNGROUPABLE, "DRG " + line.drg() + " has weight 0");
        }
        BigDecimal baseline = Money.roundHalfUp(weight.multiply(baseRate), currency).amount();
        return Norm.of(baseline, baseline);
    }

    @Override
    public Map<String, Object> pricing() {
        Map<String, Object> pricing = new LinkedHashMap<>();
        pricing.put("kind", "drg");
        pricing.put("base_rate", baseRate.stripTrailingZeros().toPlainString());
        return pricing;
    }
}
