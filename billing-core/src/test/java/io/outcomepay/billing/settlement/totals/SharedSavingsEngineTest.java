package io.outcomepay.billing.settlement.totals;

import io.outcomepay.billing.settlement.SettlementTerms.SharingMethod;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hand-computed cases on a benchmark of 1,000,000.00 and a fixed 2% minimum savings rate. */
class SharedSavingsEngineTest {

    static final BigDecimal B = new BigDecimal("1000000.00");

    static SharedSavingsTerms oneSided(SharingMethod sharing, String withhold) {
        return new SharedSavingsTerms(new MinimumRate.Fixed(new BigDecimal("0.02")), null, sharing,
                new BigDecimal("0.50"), true, BigDecimal.ZERO, new BigDecimal(withhold), new BigDecimal("0.10"), null, null);
    }

    static SharedSavingsTerms track3(String lossCap) {
        return SharedSavingsPresets.named("mssp-track-3").orElseThrow().terms()
                .withMinimumSavingsRate(new MinimumRate.Fixed(new BigDecimal("0.02")))
                .withMinimumLossRate(new MinimumRate.Fixed(new BigDecimal("0.02")))
                .withLossCapRate(new BigDecimal(lossCap));
    }

    static TotalsResult settle(SharedSavingsTerms terms, String expenditure, String quality, String disaster) {
        return SharedSavingsEngine.settle(new TotalsInput("P1", Currency.getInstance("USD"), 10_000, B,
                new BigDecimal(expenditure), quality == null ? null : new BigDecimal(quality),
                disaster == null ? null : new BigDecimal(disaster)), "test", terms);
    }

    @Test
    void sharesTheWholeSavingsWhenTheThresholdIsExactlyMet() {
        TotalsResult r = settle(oneSided(SharingMethod.FIRST_DOLLAR, "0.02"), "980000.00", "0.9", null);
        // 20,000.00 x (0.50 x 0.9) x 0.98
        assertThat(r.generated()).isEqualByComparingTo("20000.00");
        assertThat(r.finalShareRate()).isEqualByComparingTo("0.45");
        assertThat(r.earned()).isEqualTo(new BigDecimal("8820.00"));
        assertThat(r.savingsRate()).isEqualTo(new BigDecimal("0.020000000"));
    }

    @Test
    void sharesNothingWhenTheThresholdIsMissedByOneCent() {
        TotalsResult r = settle(oneSided(SharingMethod.FIRST_DOLLAR, "0.02"), "980000.01", "0.9", null);
        assertThat(r.savings()).isEqualTo(new BigDecimal("19999.99"));
        assertThat(r.generated()).isEqualByComparingTo("0");
        assertThat(r.earned()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void capsEarnedSavingsAtTheCapRateOfTheBenchmarkAfterTheWithhold() {
        TotalsResult r = settle(oneSided(SharingMethod.FIRST_DOLLAR, "0.02"), "700000.00", "0.9", null);
        // 300,000 x 0.45 x 0.98 = 132,300 > 10% x 1,000,000
        assertThat(r.earned()).isEqualTo(new BigDecimal("100000.00"));
    }

    @Test
    void sharesNothingWithoutAQualityScore() {
        TotalsResult r = settle(oneSided(SharingMethod.FIRST_DOLLAR, "0.02"), "950000.00", null, null);
        assertThat(r.generated()).isEqualByComparingTo("50000.00");
        assertThat(r.finalShareRate()).isEqualByComparingTo("0");
        assertThat(r.earned()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void aboveThresholdSharesOnlyWhatExceedsTheMinimumSavings() {
        TotalsResult above = settle(oneSided(SharingMethod.ABOVE_THRESHOLD, "0.02"), "950000.00", "0.9", null);
        TotalsResult firstDollar = settle(oneSided(SharingMethod.FIRST_DOLLAR, "0.02"), "950000.00", "0.9", null);
        // (50,000 - 20,000) x 0.45 x 0.98 and 50,000 x 0.45 x 0.98
        assertThat(above.earned()).isEqualTo(new BigDecimal("13230.00"));
        assertThat(firstDollar.earned()).isEqualTo(new BigDecimal("22050.00"));
    }

    @Test
    void withoutAWithholdTheFullShareIsEarned() {
        assertThat(settle(oneSided(SharingMethod.FIRST_DOLLAR, "0"), "980000.00", "0.9", null).earned())
                .isEqualTo(new BigDecimal("9000.00"));
    }

    @Test
    void oneSidedTermsGenerateLossesButShareNone() {
        TotalsResult r = settle(oneSided(SharingMethod.FIRST_DOLLAR, "0.02"), "1050000.00", "0.9", null);
        assertThat(r.generated()).isEqualByComparingTo("-50000.00");
        assertThat(r.earned()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void clampsTheLossRateToItsBoundsAndSubtractsTheDisasterAdjustment() {
        // loss rate = 1 - 0.75 x quality, clamped to [0.40, 0.75]
        assertThat(settle(track3("0.15"), "1050000.00", "1", null).earned())
                .as("1 - 0.75 = 0.25, clamped up to 0.40").isEqualTo(new BigDecimal("-20000.00"));
        assertThat(settle(track3("0.15"), "1050000.00", null, null).earned())
                .as("quality not met: 1 - 0 = 1, clamped down to 0.75").isEqualTo(new BigDecimal("-37500.00"));
        assertThat(settle(track3("0.15"), "1050000.00", "0.8", null).earned())
                .as("exactly the lower bound: 1 - 0.60").isEqualTo(new BigDecimal("-20000.00"));
        assertThat(settle(track3("0.15"), "1050000.00", "0.6", "-500.00").earned())
                .as("-50,000 x 0.55 = -27,500, less the disaster adjustment").isEqualTo(new BigDecimal("-27000.00"));
    }

    @Test
    void limitsSharedLossesToTheLossCap() {
        assertThat(settle(track3("0.01"), "1050000.00", "0.6", "-500.00").earned())
                .as("-27,500 limited to -1% of the benchmark, then -(-500)").isEqualTo(new BigDecimal("-9500.00"));
    }

    @Test
    void limitsSharedLossesToARateOfRevenueWhenThatIsLower() {
        TotalsResult r = SharedSavingsEngine.settle(new TotalsInput("P1", Currency.getInstance("USD"), 10_000, B,
                new BigDecimal("1050000.00"), new BigDecimal("0.6"), new BigDecimal("-500.00"), new BigDecimal("100000.00")),
                "test", track3("0.15").withLossCapRevenueRate(new BigDecimal("0.08")));
        // -27,500 limited to -8% of revenue 100,000 = -8,000, then -(-500)
        assertThat(r.earned()).isEqualTo(new BigDecimal("-7500.00"));
    }

    @Test
    void lossesBelowTheMinimumLossRateAreNotGenerated() {
        TotalsResult r = settle(track3("0.15"), "1019999.99", "0.6", null);
        assertThat(r.generated()).isEqualByComparingTo("0");
        assertThat(r.earned()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void interpolatesTheMinimumSavingsRateInsideItsBand() {
        // The settlement-methods example: N = 9,139 gives 3.1% - 0.1% x 139/999 = 3.08609%
        assertThat(SharedSavingsPresets.MSSP_MSR_TABLE.rateFor(9_139)).isEqualByComparingTo("0.03086086086086086086");
        assertThat(SharedSavingsPresets.MSSP_MSR_TABLE.rateFor(60_000)).isEqualByComparingTo("0.02");
        assertThat(SharedSavingsPresets.MSSP_MSR_TABLE.rateFor(250_000)).isEqualByComparingTo("0.02");
        assertThatThrownBy(() -> SharedSavingsPresets.MSSP_MSR_TABLE.rateFor(4_999))
                .hasMessageContaining("give an explicit msr");
    }

    @Test
    void givesTheSameFingerprintForTheSameInputsAndAnotherForAnotherCent() {
        TotalsResult a = settle(oneSided(SharingMethod.FIRST_DOLLAR, "0.02"), "950000.00", "0.9", null);
        TotalsResult b = settle(oneSided(SharingMethod.FIRST_DOLLAR, "0.020"), "950000", "0.90", null);
        TotalsResult c = settle(oneSided(SharingMethod.FIRST_DOLLAR, "0.02"), "950000.01", "0.9", null);
        assertThat(b.fingerprint()).isEqualTo(a.fingerprint());
        assertThat(c.fingerprint()).isNotEqualTo(a.fingerprint());
    }
}
