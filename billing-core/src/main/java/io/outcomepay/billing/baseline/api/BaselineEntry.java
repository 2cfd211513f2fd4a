package io.outcomepay.billing.baseline.api;

import java.math.BigDecimal;

/** One group of a baseline table: its code (a DRG), its relative weight and its title. */
public record BaselineEntry(String code, BigDecimal weight, String title) {
}
