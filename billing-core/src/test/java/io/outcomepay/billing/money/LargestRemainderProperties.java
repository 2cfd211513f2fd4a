package io.outcomepay.billing.money;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LargestRemainderProperties {

    private static final Currency USD = Currency.getInstance("USD");
    private static final BigDecimal CENT = new BigDecimal("0.01");

    @Property(tries = 2000)
    void partsSumExactlyToThePoolAndEachIsWithinOneCentOfItsExactShare(
            @ForAll @LongRange(min = 0, max = 10_000_000_000L) long poolCents,
            @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 0, max = 1_000_000) Integer> weightUnits,
            @ForAll @IntRange(min = 0, max = 6) int weightScale) {
        Money pool = Money.ofMinorUnits(poolCents, USD);
        Map<Integer, BigDecimal> weights = new LinkedHashMap<>();
        for (int i = 0; i < weightUnits.size(); i++) {
            weights.put(i, BigDecimal.valueOf(weightUnits.get(i), weightScale));
        }
        BigDecimal weightSum = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (weightSum.signum() == 0) {
            weights.put(weights.size(), BigDecimal.ONE);
            weightSum = BigDecimal.ONE;
        }

        Map<Integer, Money> parts = LargestRemainder.split(pool, weights);

        assertThat(parts.values().stream().map(Money::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(pool.amount());
        for (Map.Entry<Integer, Money> part : parts.entrySet()) {
            BigDecimal exact = pool.amount().multiply(weights.get(part.getKey()))
                    .divide(weightSum, MathContext.DECIMAL128);
            assertThat(part.getValue().amount().subtract(exact).abs()).isLessThan(CENT);
            if (weights.get(part.getKey()).signum() == 0) {
                assertThat(part.getValue().isZero()).isTrue();
            }
        }
    }

    @Property(tries = 1000)
    void partySharesOfAPoolAlwaysSumToThePool(@ForAll @LongRange(min = 0, max = 100_000_000_00L) long poolCents,
                                              @ForAll @IntRange(min = 0, max = 100) int insurerPercent,
                                              @ForAll @IntRange(min = 0, max = 100) int hospitalPercent) {
        int hospital = Math.min(hospitalPercent, 100 - insurerPercent);
        Map<String, BigDecimal> shares = new LinkedHashMap<>();
        shares.put("insurer", BigDecimal.valueOf(insurerPercent, 2));
        shares.put("hospital", BigDecimal.valueOf(hospital, 2));
        shares.put("vendor", BigDecimal.valueOf(100 - insurerPercent - hospital, 2));
        Money pool = Money.ofMinorUnits(poolCents, USD);

        Map<String, Money> parts = LargestRemainder.split(pool, shares);

        assertThat(parts.values().stream().reduce(Money.zero(USD), Money::plus)).isEqualTo(pool);
    }
}
