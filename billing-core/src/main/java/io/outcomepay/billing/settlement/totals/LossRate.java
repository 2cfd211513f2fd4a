package io.outcomepay.billing.settlement.totals;

import java.math.BigDecimal;

/** The share of a generated loss the participant pays. */
public sealed interface LossRate {

    BigDecimal rateFor(BigDecimal finalShareRate);

    String describe();

    record Fixed(BigDecimal rate) implements LossRate {
        @Override
        public BigDecimal rateFor(BigDecimal finalShareRate) {
            return rate;
        }

        @Override
        public String describe() {
            return "fixed " + rate.stripTrailingZeros().toPlainString();
        }
    }

    /** 1 - final share rate, clamped to [lowest, highest]. */
    record ComplementOfShare(BigDecimal lowest, BigDecimal highest) implements LossRate {
        @Override
        public BigDecimal rateFor(BigDecimal finalShareRate) {
            return BigDecimal.ONE.subtract(finalShareRate).max(lowest).min(highest);
        }

        @Override
        public String describe() {
            return "1 - final share rate, clamped to [" + lowest.stripTrailingZeros().toPlainString() + ", "
                    + highest.stripTrailingZeros().toPlainString() + "]";
        }
    }
}
