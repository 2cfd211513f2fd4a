package io.outcomepay.billing.baseline.api;

import java.math.BigDecimal;

/**
 * One group of a baseline table: its code (a DRG or a DIP group), its weight (DRG relative weight
 * or DIP score), its title, and for DIP the mean cost of its cases (null for DRG).
 */
public record BaselineEntry(String code, BigDecimal weight, String title, BigDecimal meanCost) {

    public BaselineEntry(String code, BigDecimal weight, String title) {
        this(code, weight, title, null);
    }
}
