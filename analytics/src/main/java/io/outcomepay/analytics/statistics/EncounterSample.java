package io.outcomepay.analytics.statistics;

import java.math.BigDecimal;

/**
 * One settled encounter as the statistics see it: amounts in minor units (cents), so sums are
 * exact; the group (DRG or DIP) and its weight for case-mix questions.
 */
public record EncounterSample(String hospitalId, String group, BigDecimal weight, long baselineMinor, long actualMinor,
                              boolean aiAssisted) {

    public EncounterSample {
        if (baselineMinor <= 0) {
            throw new IllegalArgumentException("baseline must be positive, was " + baselineMinor);
        }
    }

    /** actual / baseline: below 1 is a saving. */
    double ratio() {
        return (double) actualMinor / baselineMinor;
    }
}
