package io.outcomepay.analytics.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Is a claimed saving real? Estimates for auditors, computed from the settled encounters of a
 * period. Plain Java, no framework. Every resampling is seeded (SplittableRandom), so the same
 * encounters in the same order and the same seed give the same figures. Results are estimates, not
 * money: they are reported rounded half up to 6 decimals. Methods and formulas: docs/settlement.md, section
 * "Statistics for auditors".
 */
public final class SavingsStatistics {

    private static final int SCALE = 6;

    private SavingsStatistics() {
    }

    /** The period's savings rate with a 95% percentile bootstrap interval and P(rate > msr). */
    public record SavingsRate(BigDecimal rate, BigDecimal low, BigDecimal high, BigDecimal probabilityAboveMsr,
                              BigDecimal msr, int encounters, int resamples, long seed) {
    }

    /**
     * rate = (sum baseline - sum actual) / sum baseline; the interval holds the 2.5th and 97.5th
     * percentiles of the rate over {@code resamples} resamples of the encounters with replacement;
     * P(rate > msr) is the share of resampled rates above the minimum savings rate.
     */
    public static SavingsRate savingsRate(List<EncounterSample> encounters, BigDecimal msr, long seed, int resamples) {
        requireSome(encounters);
        int n = encounters.size();
        long[] baseline = new long[n];
        long[] actual = new long[n];
        for (int i = 0; i < n; i++) {
            baseline[i] = encounters.get(i).baselineMinor();
            actual[i] = encounters.get(i).actualMinor();
        }
        double observed = rate(sum(baseline), sum(actual));
        SplittableRandom random = new SplittableRandom(seed);
        double[] rates = new double[resamples];
        double threshold = msr.doubleValue();
        int above = 0;
        for (int r = 0; r < resamples; r++) {
            long b = 0;
            long a = 0;
            for (int i = 0; i < n; i++) {
                int pick = random.nextInt(n);
                b += baseline[pick];
                a += actual[pick];
            }
            rates[r] = rate(b, a);
            if (rates[r] > threshold) {
                above++;
            }
        }
        Arrays.sort(rates);
        return new SavingsRate(decimal(observed), decimal(percentile(rates, 0.025)), decimal(percentile(rates, 0.975)),
                decimal((double) above / resamples), msr, n, resamples, seed);
    }

    /** AI-assisted against not-assisted encounters, case-mix adjusted by stratifying on the group. */
    public record AiEffect(BigDecimal difference, BigDecimal low, BigDecimal high, int strata, int encounters,
                           int resamples, long seed) {
    }

    /**
     * In each group with encounters of both kinds, d_g = mean(actual/baseline | AI) - mean(actual/baseline
     * | not AI); the effect is sum(n_g x d_g) / sum(n_g), n_g the group's encounters (negative: AI-assisted
     * cases cost less than their baseline than the others). The interval resamples with replacement
     * within each group and kind ({@code resamples} times) and takes the 2.5th and 97.5th percentiles.
     * Groups with only one kind say nothing about the difference and are left out.
     */
    public static AiEffect aiEffect(List<EncounterSample> encounters, long seed, int resamples) {
        requireSome(encounters);
        List<double[][]> strata = new ArrayList<>();
        Map<String, List<EncounterSample>> byGroup = new TreeMap<>();
        for (EncounterSample e : encounters) {
            byGroup.computeIfAbsent(e.group(), g -> new ArrayList<>()).add(e);
        }
        int used = 0;
        for (List<EncounterSample> group : byGroup.values()) {
            double[] ai = group.stream().filter(EncounterSample::aiAssisted).mapToDouble(EncounterSample::ratio).toArray();
            double[] other = group.stream().filter(e -> !e.aiAssisted()).mapToDouble(EncounterSample::ratio).toArray();
            if (ai.length > 0 && other.length > 0) {
                strata.add(new double[][]{ai, other});
                used += group.size();
            }
        }
        if (strata.isEmpty()) {
            throw new IllegalArgumentException("no group has both AI-assisted and other encounters");
        }
        double observed = weightedDifference(strata, null);
        SplittableRandom random = new SplittableRandom(seed);
        double[] differences = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            differences[r] = weightedDifference(strata, random);
        }
        Arrays.sort(differences);
        return new AiEffect(decimal(observed), decimal(percentile(differences, 0.025)),
                decimal(percentile(differences, 0.975)), strata.size(), used, resamples, seed);
    }

    private static double weightedDifference(List<double[][]> strata, SplittableRandom resample) {
        double weighted = 0;
        long weights = 0;
        for (double[][] stratum : strata) {
            int n = stratum[0].length + stratum[1].length;
            weighted += n * (mean(stratum[0], resample) - mean(stratum[1], resample));
            weights += n;
        }
        return weighted / weights;
    }

    /** The mean, or with a random source the mean of a resample with replacement of the same size. */
    private static double mean(double[] values, SplittableRandom resample) {
        double total = 0;
        for (int i = 0; i < values.length; i++) {
            total += resample == null ? values[i] : values[resample.nextInt(values.length)];
        }
        return total / values.length;
    }

    /** Thresholds of the case-mix drift flag, as fractions (0.05 = 5%). */
    public record DriftThresholds(BigDecimal cmiRise, BigDecimal flatCost) {
        public static final DriftThresholds DEFAULT = new DriftThresholds(new BigDecimal("0.05"), new BigDecimal("0.02"));
    }

    /**
     * One hospital's case-mix index (mean weight) and cost per case (mean actual, minor units) in a
     * reference period and now; flagged when the index rose by at least cmiRise while the cost per
     * case moved by no more than flatCost either way (more severe cases on paper, same cost: upcoding?).
     */
    public record CaseMixDrift(String hospitalId, BigDecimal referenceCmi, BigDecimal currentCmi, BigDecimal cmiChange,
                               BigDecimal referenceCostPerCase, BigDecimal currentCostPerCase, BigDecimal costChange,
                               boolean flagged) {
    }

    public static List<CaseMixDrift> caseMixDrift(List<EncounterSample> reference, List<EncounterSample> current,
                                                  DriftThresholds thresholds) {
        Map<String, List<EncounterSample>> before = byHospital(reference);
        Map<String, List<EncounterSample>> now = byHospital(current);
        List<CaseMixDrift> drift = new ArrayList<>();
        for (Map.Entry<String, List<EncounterSample>> hospital : now.entrySet()) {
            List<EncounterSample> then = before.get(hospital.getKey());
            if (then == null) {
                continue;
            }
            BigDecimal cmiThen = meanWeight(then);
            BigDecimal cmiNow = meanWeight(hospital.getValue());
            BigDecimal costThen = meanActual(then);
            BigDecimal costNow = meanActual(hospital.getValue());
            BigDecimal cmiChange = change(cmiThen, cmiNow);
            BigDecimal costChange = change(costThen, costNow);
            boolean flagged = cmiChange.compareTo(thresholds.cmiRise()) >= 0
                    && costChange.abs().compareTo(thresholds.flatCost()) <= 0;
            drift.add(new CaseMixDrift(hospital.getKey(), cmiThen, cmiNow, cmiChange, costThen, costNow, costChange, flagged));
        }
        return drift;
    }

    /** A group's savings in the period: sum of baseline - actual, in minor units. */
    public record GroupSavings(String group, int encounters, long savingsMinor) {
    }

    /** The groups with the largest savings first (ties by group code), at most {@code limit}. */
    public static List<GroupSavings> topGroups(List<EncounterSample> encounters, int limit) {
        Map<String, long[]> byGroup = new LinkedHashMap<>();
        for (EncounterSample e : encounters) {
            long[] totals = byGroup.computeIfAbsent(e.group(), g -> new long[2]);
            totals[0]++;
            totals[1] += e.baselineMinor() - e.actualMinor();
        }
        return byGroup.entrySet().stream()
                .map(g -> new GroupSavings(g.getKey(), (int) g.getValue()[0], g.getValue()[1]))
                .sorted(Comparator.comparingLong(GroupSavings::savingsMinor).reversed().thenComparing(GroupSavings::group))
                .limit(limit).toList();
    }

    private static Map<String, List<EncounterSample>> byHospital(List<EncounterSample> encounters) {
        Map<String, List<EncounterSample>> by = new TreeMap<>();
        encounters.forEach(e -> by.computeIfAbsent(e.hospitalId(), h -> new ArrayList<>()).add(e));
        return by;
    }

    private static BigDecimal meanWeight(List<EncounterSample> encounters) {
        BigDecimal total = encounters.stream().map(EncounterSample::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        return total.divide(BigDecimal.valueOf(encounters.size()), SCALE, RoundingMode.HALF_UP);
    }

    private static BigDecimal meanActual(List<EncounterSample> encounters) {
        long total = encounters.stream().mapToLong(EncounterSample::actualMinor).sum();
        return BigDecimal.valueOf(total).divide(BigDecimal.valueOf(encounters.size()), SCALE, RoundingMode.HALF_UP);
    }

    /** (now - then) / then, exactly then rounded half up to 6 decimals. */
    private static BigDecimal change(BigDecimal then, BigDecimal now) {
        return now.subtract(then).divide(then, SCALE, RoundingMode.HALF_UP);
    }

    private static double rate(long baseline, long actual) {
        return (double) (baseline - actual) / baseline;
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long v : values) {
            total += v;
        }
        return total;
    }

    /** The p-quantile of sorted values, linear between the two nearest ranks. */
    static double percentile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    private static BigDecimal decimal(double value) {
        return new BigDecimal(Double.toString(value)).setScale(SCALE, RoundingMode.HALF_UP);
    }

    private static void requireSome(List<EncounterSample> encounters) {
        if (encounters.isEmpty()) {
            throw new IllegalArgumentException("no encounters to estimate from");
        }
    }
}
