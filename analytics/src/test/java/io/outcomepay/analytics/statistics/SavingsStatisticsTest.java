package io.outcomepay.analytics.statistics;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SavingsStatisticsTest {

    static EncounterSample e(String hospital, String group, String weight, long baseline, long actual, boolean ai) {
        return new EncounterSample(hospital, group, new BigDecimal(weight), baseline, actual, ai);
    }

    @Test
    void theSavingsRateIsTheBaselineTotalLessTheActualTotalOverTheBaselineTotal() {
        List<EncounterSample> encounters = List.of(e("H1", "193", "1", 1_000_000, 900_000, true),
                e("H1", "193", "1", 2_000_000, 1_900_000, false));

        SavingsStatistics.SavingsRate rate = SavingsStatistics.savingsRate(encounters, new BigDecimal("0.02"), 7, 1000);

        // (30,000.00 - 28,000.00) / 30,000.00
        assertThat(rate.rate()).isEqualByComparingTo("0.066667");
        assertThat(rate.low()).isLessThanOrEqualTo(rate.rate());
        assertThat(rate.high()).isGreaterThanOrEqualTo(rate.rate());
        // Every resample is made of these two cases: its rate lies between the second's 5% and the first's 10%.
        assertThat(rate.low()).isGreaterThanOrEqualTo(new BigDecimal("0.050000"));
        assertThat(rate.high()).isLessThanOrEqualTo(new BigDecimal("0.100000"));
        assertThat(rate.probabilityAboveMsr()).isEqualByComparingTo("1");
    }

    @Test
    void oneEncounterHasNoSpreadAndTheSameSeedGivesTheSameFigures() {
        List<EncounterSample> one = List.of(e("H1", "193", "1", 1_000_000, 1_030_000, true));
        SavingsStatistics.SavingsRate rate = SavingsStatistics.savingsRate(one, new BigDecimal("0.02"), 1, 200);

        assertThat(rate.rate()).isEqualByComparingTo("-0.03");
        assertThat(rate.low()).isEqualByComparingTo("-0.03");
        assertThat(rate.high()).isEqualByComparingTo("-0.03");
        assertThat(rate.probabilityAboveMsr()).isEqualByComparingTo("0");

        List<EncounterSample> many = simulatedPeriod(new Random(3), 200, 0.05);
        assertThat(SavingsStatistics.savingsRate(many, new BigDecimal("0.02"), 42, 500))
                .isEqualTo(SavingsStatistics.savingsRate(many, new BigDecimal("0.02"), 42, 500))
                .isNotEqualTo(SavingsStatistics.savingsRate(many, new BigDecimal("0.02"), 43, 500));
    }

    @Test
    void theAiEffectWeighsEachGroupsDifferenceByItsEncountersAndLeavesOneSidedGroupsOut() {
        List<EncounterSample> encounters = List.of(
                e("H1", "193", "1", 100_00, 80_00, true), e("H1", "193", "1", 100_00, 90_00, true),
                e("H1", "193", "1", 100_00, 100_00, false),
                e("H1", "194", "1", 100_00, 95_00, true), e("H1", "194", "1", 100_00, 105_00, false),
                e("H1", "194", "1", 100_00, 95_00, false),
                e("H1", "195", "1", 100_00, 50_00, true));

        SavingsStatistics.AiEffect effect = SavingsStatistics.aiEffect(encounters, 5, 1000);

        // 193: 0.85 - 1.00 = -0.15 (3 cases); 194: 0.95 - 1.00 = -0.05 (3 cases); 195 has no comparison
        assertThat(effect.difference()).isEqualByComparingTo("-0.10");
        assertThat(effect.strata()).isEqualTo(2);
        assertThat(effect.encounters()).isEqualTo(6);
        assertThat(effect.low()).isLessThanOrEqualTo(effect.difference());
        assertThat(effect.high()).isGreaterThanOrEqualTo(effect.difference());
        assertThatThrownBy(() -> SavingsStatistics.aiEffect(encounters.subList(6, 7), 5, 10))
                .hasMessage("no group has both AI-assisted and other encounters");
    }

    @Test
    void aCaseMixRiseAtFlatCostIsFlaggedAndARiseWithCostIsNot() {
        List<EncounterSample> reference = List.of(
                e("H1", "193", "1.0", 200_00, 100_00, true), e("H1", "194", "2.0", 200_00, 100_00, true),
                e("H2", "193", "1.0", 200_00, 100_00, true), e("H2", "193", "1.0", 200_00, 100_00, true));
        List<EncounterSample> current = List.of(
                e("H1", "193", "1.6", 200_00, 101_00, true), e("H1", "193", "1.6", 200_00, 101_00, true),
                e("H2", "193", "1.1", 200_00, 110_00, true), e("H2", "193", "1.1", 200_00, 110_00, true),
                e("H3", "193", "1.0", 200_00, 100_00, true));

        List<SavingsStatistics.CaseMixDrift> drift = SavingsStatistics.caseMixDrift(reference, current,
                SavingsStatistics.DriftThresholds.DEFAULT);

        assertThat(drift).hasSize(2);
        SavingsStatistics.CaseMixDrift h1 = drift.get(0);
        assertThat(h1.hospitalId()).isEqualTo("H1");
        assertThat(h1.referenceCmi()).isEqualByComparingTo("1.5");
        assertThat(h1.currentCmi()).isEqualByComparingTo("1.6");
        assertThat(h1.cmiChange()).isEqualByComparingTo("0.066667");
        assertThat(h1.costChange()).isEqualByComparingTo("0.01");
        assertThat(h1.flagged()).isTrue();
        assertThat(drift.get(1).cmiChange()).isEqualByComparingTo("0.1");
        assertThat(drift.get(1).costChange()).isEqualByComparingTo("0.1");
        assertThat(drift.get(1).flagged()).isFalse();
    }

    @Test
    void topGroupsAreThoseThatSavedMost() {
        List<EncounterSample> encounters = List.of(e("H1", "193", "1", 100_00, 60_00, true),
                e("H1", "194", "1", 100_00, 50_00, true), e("H1", "194", "1", 100_00, 110_00, true),
                e("H1", "195", "1", 100_00, 130_00, true), e("H1", "196", "1", 100_00, 70_00, false));

        // 193 saves 40.00; 194 saves 50.00 and loses 10.00; 196 saves 30.00; 195 loses 30.00. Ties by code.
        assertThat(SavingsStatistics.topGroups(encounters, 3)).containsExactly(
                new SavingsStatistics.GroupSavings("193", 1, 40_00), new SavingsStatistics.GroupSavings("194", 2, 40_00),
                new SavingsStatistics.GroupSavings("196", 1, 30_00));
    }

    @Test
    void theSavingsRateIntervalCoversTheTrueRateInAtLeast90PercentOf200SimulatedPeriods() {
        double trueRate = 0.05;
        int covered = 0;
        double probability = 0;
        for (int run = 0; run < 200; run++) {
            List<EncounterSample> period = simulatedPeriod(new Random(1000 + run), 300, trueRate);
            SavingsStatistics.SavingsRate rate = SavingsStatistics.savingsRate(period, new BigDecimal("0.02"), run, 400);
            if (rate.low().doubleValue() <= trueRate && trueRate <= rate.high().doubleValue()) {
                covered++;
            }
            probability += rate.probabilityAboveMsr().doubleValue();
        }
        assertThat(covered).isGreaterThanOrEqualTo(180);
        // A true 5% saving against a 2% threshold: nearly always above it.
        assertThat(probability / 200).isGreaterThan(0.9);
    }

    @Test
    void theAiEffectIntervalCoversTheTrueEffectInAtLeast90PercentOf200SimulatedPeriods() {
        double trueEffect = -0.06;
        int covered = 0;
        for (int run = 0; run < 200; run++) {
            Random random = new Random(5000 + run);
            List<EncounterSample> period = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int group = random.nextInt(8);
                // Groups differ in how far their cases run from the baseline (the case mix), and the
                // AI-assisted share differs by group: only the stratified comparison is fair.
                boolean ai = random.nextDouble() < 0.2 + 0.08 * group;
                double ratio = 0.8 + 0.05 * group + (ai ? trueEffect : 0) + 0.1 * random.nextGaussian();
                long baseline = 500_000 + random.nextInt(4_500_000);
                period.add(e("H1", "G" + group, "1", baseline, Math.round(baseline * ratio), ai));
            }
            SavingsStatistics.AiEffect effect = SavingsStatistics.aiEffect(period, run, 400);
            if (effect.low().doubleValue() <= trueEffect && trueEffect <= effect.high().doubleValue()) {
                covered++;
            }
        }
        assertThat(covered).isGreaterThanOrEqualTo(180);
    }

    /** Encounters whose actual cost is baseline x (1 - trueRate + noise): the true savings rate is trueRate. */
    static List<EncounterSample> simulatedPeriod(Random random, int n, double trueRate) {
        List<EncounterSample> period = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long baseline = 500_000 + random.nextInt(4_500_000);
            long actual = Math.round(baseline * (1 - trueRate + 0.15 * random.nextGaussian()));
            period.add(e("H1", "193", "1", baseline, actual, random.nextBoolean()));
        }
        return period;
    }
}
