package io.outcomepay.billing.settlement;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * One version of a DRG relative-weight table and the contract's base rate:
 * baseline_i = round_half_up(weight(drg_i) x base_rate, currency scale).
 *
 * @param contentSha256 fingerprint of the whole table version, so a settlement names exactly the
 *                      weights it used
 */
public record DrgBaseline(String tableId, int tableVersion, String contentSha256, BigDecimal baseRate,
                          Map<String, BigDecimal> weights) {

    public DrgBaseline {
        Objects.requireNonNull(tableId, "tableId");
        Objects.requireNonNull(contentSha256, "contentSha256");
        Objects.requireNonNull(weights, "weights");
        if (baseRate == null || baseRate.signum() <= 0) {
            throw new IllegalArgumentException("base_rate must be positive");
        }
        weights = Map.copyOf(weights);
    }
}
