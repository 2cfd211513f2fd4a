package io.outcomepay.billing.settlement.totals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.math.BigDecimal;
import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;

class SharedSavingsProperties {

    private static final Currency USD = Currency.getInstance("USD");

    @Provide
    Arbitrary<SharedSavingsPresets.Preset> presets() {
        return Arbitraries.of(SharedSavingsPresets.all());
    }

    private static TotalsResult settle(SharedSavingsPresets.Preset preset, long benchmarkCents, long expenditureCents,
                                       int qualityPermille, int assigned) {
        return SharedSavingsEngine.settle(new TotalsInput("P", USD, assigned, BigDecimal.valueOf(benchmarkCents, 2),
                BigDecimal.valueOf(expenditureCents, 2), BigDecimal.valueOf(qualityPermille, 3), null), preset.name(),
                preset.terms());
    }

    @Property(tries = 1000)
    void earnedNeverExceedsTheSavingsCap(@ForAll("presets") SharedSavingsPresets.Preset preset,
                                         @ForAll @LongRange(min = 100, max = 100_000_000_000L) long benchmark,
                                         @ForAll @LongRange(min = 0, max = 200_000_000_000L) long expenditure,
                                         @ForAll @IntRange(min = 0, max = 1000) int quality,
                                         @ForAll @IntRange(min = 5_000, max = 200_000) int assigned) {
        TotalsResult r = settle(preset, benchmark, expenditure, quality, assigned);
        BigDecimal cap = preset.terms().savingsCapRate().multiply(BigDecimal.valueOf(benchmark, 2));
        assertThat(r.earned()).isLessThanOrEqualTo(cap.setScale(2, java.math.RoundingMode.HALF_UP));
    }

    @Property(tries = 1000)
    void raisingTheActualCostNeverRaisesWhatIsEarned(@ForAll("presets") SharedSavingsPresets.Preset preset,
                                                     @ForAll @LongRange(min = 100, max = 100_000_000_000L) long benchmark,
                                                     @ForAll @LongRange(min = 0, max = 200_000_000_000L) long expenditure,
                                                     @ForAll @LongRange(min = 0, max = 10_000_000_000L) long increase,
                                                     @ForAll @IntRange(min = 0, max = 1000) int quality,
                                                     @ForAll @IntRange(min = 5_000, max = 200_000) int assigned) {
        TotalsResult lower = settle(preset, benchmark, expenditure, quality, assigned);
        TotalsResult higher = settle(preset, benchmark, expenditure + increase, quality, assigned);
        assertThat(higher.earned()).isLessThanOrEqualTo(lower.earned());
    }
}
