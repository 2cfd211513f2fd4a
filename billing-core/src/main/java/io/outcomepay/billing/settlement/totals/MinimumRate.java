package io.outcomepay.billing.settlement.totals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A minimum savings (or loss) rate: a fixed rate, or a banded table by the number of assigned
 * beneficiaries with linear interpolation inside each band. Table rates are computed to
 * {@value #SCALE} decimals, half up.
 */
public sealed interface MinimumRate {

    int SCALE = 20;

    BigDecimal rateFor(int assigned);

    String describe();

    record Fixed(BigDecimal rate) implements MinimumRate {
        public Fixed {
            if (rate == null || rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("a minimum rate must be between 0 and 1, was " + rate);
            }
        }

        @Override
        public BigDecimal rateFor(int assigned) {
            return rate;
        }

        @Override
        public String describe() {
            return "fixed " + (rate.signum() == 0 ? "0" : rate.stripTrailingZeros().toPlainString());
        }
    }

    /**
     * msr = from + (to - from) x (N - lowest) / (highest - lowest) inside the band holding N;
     * the last band's rate is flat from its lowest count up.
     */
    record Banded(String name, List<Band> bands) implements MinimumRate {
        public Banded {
            bands = List.copyOf(bands);
            if (bands.isEmpty()) {
                throw new IllegalArgumentException("a banded minimum rate needs bands");
            }
        }

        @Override
        public BigDecimal rateFor(int assigned) {
            for (Band band : bands) {
                if (assigned >= band.lowest() && (band.highest() == null || assigned <= band.highest())) {
                    if (band.highest() == null || band.highest().equals(band.lowest())) {
                        return band.from();
                    }
                    BigDecimal position = BigDecimal.valueOf(assigned - band.lowest())
                            .divide(BigDecimal.valueOf(band.highest() - band.lowest()), SCALE, RoundingMode.HALF_UP);
                    return band.from().add(band.to().subtract(band.from()).multiply(position))
                            .setScale(SCALE, RoundingMode.HALF_UP);
                }
            }
            throw new IllegalArgumentException("the " + name + " table has no band for " + assigned
                    + " assigned beneficiaries (below " + bands.get(0).lowest() + ": give an explicit msr)");
        }

        @Override
        public String describe() {
            return name;
        }
    }

    /** One band: from N = lowest (rate from) to N = highest (rate to); highest null is open-ended. */
    record Band(int lowest, Integer highest, BigDecimal from, BigDecimal to) {
    }
}
