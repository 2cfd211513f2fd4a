package io.outcomepay.reports.api;

import java.math.BigDecimal;

/** A DRG or DIP group's included encounters in a hospital month, with their baseline and actual totals. */
public record GroupTotal(String group, int encounters, BigDecimal baseline, BigDecimal actual) {

    public BigDecimal savings() {
        return baseline.subtract(actual);
    }
}
