package io.outcomepay.billing.settlement.totals;

import io.outcomepay.billing.settlement.SettlementTerms.SharingMethod;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Named starting points for contract terms. The MSSP Track 1, 1+, 2 and 3 values are those
 * published for performance year 2018 (CMS); the BASIC and ENHANCED values come from secondary
 * sources and are marked {@code toCheck}. A contract starts from a preset and overrides any term.
 */
public final class SharedSavingsPresets {

    /** CMS's one-sided minimum savings rate by assigned beneficiaries (5,000 and more). */
    public static final MinimumRate.Banded MSSP_MSR_TABLE = new MinimumRate.Banded("mssp-msr-table", List.of(
            band(5_000, 5_999, "0.039", "0.036"),
            band(6_000, 6_999, "0.036", "0.034"),
            band(7_000, 7_999, "0.034", "0.032"),
            band(8_000, 8_999, "0.032", "0.031"),
            band(9_000, 9_999, "0.031", "0.030"),
            band(10_000, 14_999, "0.030", "0.027"),
            band(15_000, 19_999, "0.027", "0.025"),
            band(20_000, 49_999, "0.025", "0.022"),
            band(50_000, 59_999, "0.022", "0.020"),
            new MinimumRate.Band(60_000, null, new BigDecimal("0.020"), new BigDecimal("0.020"))));

    /** A preset: its terms, where its values come from, and whether they still need checking. */
    public record Preset(String name, SharedSavingsTerms terms, String source, boolean toCheck) {
    }

    private static final Map<String, Preset> PRESETS = new LinkedHashMap<>();
    private static final BigDecimal SEQUESTRATION = new BigDecimal("0.02");

    static {
        String cms2018 = "CMS MSSP, performance year 2018";
        String later = "CMS MSSP BASIC/ENHANCED, from secondary sources";
        add("mssp-track-1", oneSided("0.50", "0.10", SEQUESTRATION), cms2018, false);
        add("mssp-track-1-plus", twoSided("0.50", "0.10", new LossRate.Fixed(new BigDecimal("0.30")), "0.04"), cms2018, false);
        add("mssp-track-2", twoSided("0.60", "0.15", complement("0.40", "0.60"), "0.05"), cms2018, false);
        add("mssp-track-3", twoSided("0.75", "0.20", complement("0.40", "0.75"), "0.15"), cms2018, false);
        add("mssp-basic-a", oneSided("0.40", "0.10", SEQUESTRATION), later, true);
        add("mssp-basic-b", oneSided("0.40", "0.10", SEQUESTRATION), later, true);
        add("mssp-basic-c", twoSided("0.50", "0.10", new LossRate.Fixed(new BigDecimal("0.30")), "0.01"), later, true);
        add("mssp-basic-d", twoSided("0.50", "0.10", new LossRate.Fixed(new BigDecimal("0.30")), "0.02"), later, true);
        add("mssp-basic-e", twoSided("0.50", "0.10", new LossRate.Fixed(new BigDecimal("0.30")), "0.04"), later, true);
        add("mssp-enhanced", twoSided("0.75", "0.20", complement("0.40", "0.75"), "0.15"), later, true);
        add("vendor-gainshare", new SharedSavingsTerms(new MinimumRate.Fixed(new BigDecimal("0.02")), null,
                SharingMethod.FIRST_DOLLAR, BigDecimal.ONE, false, BigDecimal.ZERO, BigDecimal.ZERO,
                new BigDecimal("0.10"), null, null), "OutcomePay revenue share (the first settlement's terms)", false);
    }

    private SharedSavingsPresets() {
    }

    public static Optional<Preset> named(String name) {
        return Optional.ofNullable(PRESETS.get(name));
    }

    public static List<Preset> all() {
        return List.copyOf(PRESETS.values());
    }

    private static void add(String name, SharedSavingsTerms terms, String source, boolean toCheck) {
        PRESETS.put(name, new Preset(name, terms, source, toCheck));
    }

    private static MinimumRate.Band band(int lowest, int highest, String from, String to) {
        return new MinimumRate.Band(lowest, highest, new BigDecimal(from), new BigDecimal(to));
    }

    private static LossRate complement(String lowest, String highest) {
        return new LossRate.ComplementOfShare(new BigDecimal(lowest), new BigDecimal(highest));
    }

    private static SharedSavingsTerms oneSided(String maxShare, String cap, BigDecimal withhold) {
        return new SharedSavingsTerms(MSSP_MSR_TABLE, null, SharingMethod.FIRST_DOLLAR, new BigDecimal(maxShare), true,
                BigDecimal.ZERO, withhold, new BigDecimal(cap), null, null);
    }

    /** Two-sided MSSP terms: symmetric msr/mlr (the table unless the contract chooses a rate). */
    private static SharedSavingsTerms twoSided(String maxShare, String cap, LossRate lossRate, String lossCap) {
        return new SharedSavingsTerms(MSSP_MSR_TABLE, MSSP_MSR_TABLE, SharingMethod.FIRST_DOLLAR,
                new BigDecimal(maxShare), true, BigDecimal.ZERO, SEQUESTRATION, new BigDecimal(cap), lossRate,
                new BigDecimal(lossCap));
    }
}
