package io.outcomepay.billing.settlement;

import io.outcomepay.billing.settlement.totals.LossRate;
import io.outcomepay.billing.settlement.totals.MinimumRate;
import io.outcomepay.billing.settlement.totals.SharedSavingsPresets;
import io.outcomepay.billing.settlement.totals.SharedSavingsTerms;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The terms of an outcome contract that the settlement engine applies, fully resolved (a preset
 * the contract started from is named, its values are copied in). Rates are fractions (0.02 is 2%).
 * Validated on construction so that a contract with impossible terms cannot exist.
 *
 * @param preset              the preset the terms started from (informational)
 * @param minimumLossRate     null for one-sided terms (no shared losses)
 * @param maxShareRate        share of the savings the parties split (1 = all of it)
 * @param minimumQualityScore null: no quality gate; otherwise a quality score below it shares nothing
 * @param withhold            taken from earned savings before the cap (e.g. 0.02 sequestration)
 * @param losses              how shared losses are computed; null for one-sided terms
 * @param minimumSavingsRateTable null, or the banded table the msr comes from by the number of
 *                            distinct patients settled (then minimumSavingsRate is null)
 */
public record SettlementTerms(Eligibility eligible,
                              BigDecimal minimumSavingsRate,
                              SharingMethod sharing,
                              BigDecimal capRate,
                              OutlierBounds outliers,
                              PartyShares shares,
                              String preset,
                              BigDecimal minimumLossRate,
                              BigDecimal maxShareRate,
                              BigDecimal minimumQualityScore,
                              BigDecimal withhold,
                              LossTerms losses,
                              String minimumSavingsRateTable) {

    public static final String DEFAULT_PRESET = "vendor-gainshare";

    public SettlementTerms {
        Objects.requireNonNull(eligible, "eligible");
        Objects.requireNonNull(sharing, "sharing");
        Objects.requireNonNull(outliers, "outliers");
        Objects.requireNonNull(shares, "shares");
        if (minimumSavingsRateTable == null) {
            requireFraction("minimum_savings_rate", minimumSavingsRate);
        } else if (!minimumSavingsRateTable.equals(SharedSavingsPresets.MSSP_MSR_TABLE.name())) {
            throw new IllegalArgumentException("minimum_savings_rate: unknown table '" + minimumSavingsRateTable
                    + "' (known: " + SharedSavingsPresets.MSSP_MSR_TABLE.name() + ")");
        } else if (minimumSavingsRate != null) {
            throw new IllegalArgumentException("minimum_savings_rate is either a rate or a table, not both");
        }
        requireFraction("cap_rate", capRate);
        preset = preset == null ? DEFAULT_PRESET : preset;
        maxShareRate = maxShareRate == null ? BigDecimal.ONE : maxShareRate;
        withhold = withhold == null ? BigDecimal.ZERO : withhold;
        requireFraction("max_share_rate", maxShareRate);
        requireFraction("withhold", withhold);
        if (minimumQualityScore != null) {
            requireFraction("minimum_quality_score", minimumQualityScore);
        }
        if (losses == null && minimumLossRate != null) {
            throw new IllegalArgumentException("minimum_loss_rate is only for two-sided terms (give loss_rate)");
        }
        if (losses != null && minimumLossRate == null) {
            minimumLossRate = minimumSavingsRate;
        }
        if (minimumLossRate != null) {
            requireFraction("minimum_loss_rate", minimumLossRate);
        }
    }

    /** One-sided revenue-share terms (the first settlement's form). */
    public SettlementTerms(Eligibility eligible, BigDecimal minimumSavingsRate, SharingMethod sharing, BigDecimal capRate,
                           OutlierBounds outliers, PartyShares shares) {
        this(eligible, minimumSavingsRate, sharing, capRate, outliers, shares, null, null, null, null, null, null, null);
    }

    /** Terms with a fixed minimum savings rate. */
    public SettlementTerms(Eligibility eligible, BigDecimal minimumSavingsRate, SharingMethod sharing, BigDecimal capRate,
                           OutlierBounds outliers, PartyShares shares, String preset, BigDecimal minimumLossRate,
                           BigDecimal maxShareRate, BigDecimal minimumQualityScore, BigDecimal withhold,
                           LossTerms losses) {
        this(eligible, minimumSavingsRate, sharing, capRate, outliers, shares, preset, minimumLossRate, maxShareRate,
                minimumQualityScore, withhold, losses, null);
    }

    /** The same terms in the form of the shared savings engine. */
    public SharedSavingsTerms sharedSavings() {
        MinimumRate msr = minimumSavingsRateTable != null ? SharedSavingsPresets.MSSP_MSR_TABLE
                : new MinimumRate.Fixed(minimumSavingsRate);
        MinimumRate mlr = losses == null ? null : minimumLossRate != null ? new MinimumRate.Fixed(minimumLossRate) : msr;
        return new SharedSavingsTerms(msr, mlr, sharing, maxShareRate,
                minimumQualityScore != null, minimumQualityScore == null ? BigDecimal.ZERO : minimumQualityScore,
                withhold, capRate, losses == null ? null : losses.lossRate(), losses == null ? null : losses.capRate());
    }

    static void requireFraction(String name, BigDecimal value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + value.toPlainString());
        }
    }

    public enum Eligibility {
        /** Only encounters the AI service assisted. */
        AI_ASSISTED,
        /** Every encounter at the contract's hospitals. */
        ALL
    }

    public enum SharingMethod {
        /** Once the minimum savings rate is met, the whole savings is shared. */
        FIRST_DOLLAR,
        /** Only the savings above the minimum savings rate threshold is shared. */
        ABOVE_THRESHOLD
    }

    /** What happens to an encounter whose actual/baseline ratio lies outside [low, high]. */
    public enum OutlierRule {
        /** Left out of the totals and listed. */
        EXCLUDE,
        /** Actual cost clamped to the nearer bound: low x baseline or high x baseline. */
        CAP,
        /** Baseline pro-rated (the DIP rule): ratio x baseline below low, (ratio - high + 1) x baseline above high. */
        PRORATE
    }

    /**
     * Outlier bounds on actual/baseline and the rule applied outside them.
     *
     * @param review null, or a ratio above which an encounter is excluded and listed for expert review
     */
    public record OutlierBounds(BigDecimal low, BigDecimal high, OutlierRule rule, BigDecimal review) {
        /** Under the DIP rule, cases above 5 x the norm go to expert review unless the contract says otherwise. */
        public static final BigDecimal DEFAULT_PRORATE_REVIEW = new BigDecimal("5");

        public OutlierBounds {
            if (low == null || high == null) {
                throw new IllegalArgumentException("outliers need both low and high");
            }
            if (low.signum() < 0) {
                throw new IllegalArgumentException("outliers.low must not be negative, was " + low.toPlainString());
            }
            if (high.compareTo(low) <= 0) {
                throw new IllegalArgumentException("outliers.high (" + high.toPlainString()
                        + ") must be greater than outliers.low (" + low.toPlainString() + ")");
            }
            rule = rule == null ? OutlierRule.EXCLUDE : rule;
            if (rule == OutlierRule.PRORATE && review == null) {
                review = DEFAULT_PRORATE_REVIEW;
            }
            if (review != null && review.compareTo(high) < 0) {
                throw new IllegalArgumentException("outliers.review (" + review.toPlainString()
                        + ") must not be below outliers.high (" + high.toPlainString() + ")");
            }
        }

        public OutlierBounds(BigDecimal low, BigDecimal high) {
            this(low, high, OutlierRule.EXCLUDE, null);
        }
    }

    /**
     * How the pool is shared; the shares must sum to exactly 1. With several vendors, {@code vendors}
     * lists each vendor's share (in order) and {@code vendor} is their sum; {@code services} the AI
     * services listed for a vendor (none listed: any claim flag counts, see ContractParties).
     */
    public record PartyShares(BigDecimal insurer, BigDecimal hospital, BigDecimal vendor, Map<String, BigDecimal> vendors,
                              Map<String, List<String>> services) {
        public PartyShares {
            services = services == null || services.isEmpty() ? null
                    : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(services));
            if (services != null) {
                for (String vendorId : services.keySet()) {
                    if (vendors == null || !vendors.containsKey(vendorId)) {
                        throw new IllegalArgumentException("shares.vendors." + vendorId
                                + ".services: the vendor has no share");
                    }
                }
            }
            requireFraction("shares.insurer", insurer);
            requireFraction("shares.hospital", hospital);
            if (vendors != null && !vendors.isEmpty()) {
                vendors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(vendors));
                vendors.forEach((id, share) -> requireFraction("shares.vendors." + id, share));
                BigDecimal sum = vendors.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                if (vendor != null && vendor.compareTo(sum) != 0) {
                    throw new IllegalArgumentException("shares.vendor " + vendor.toPlainString()
                            + " is not the sum of shares.vendors " + sum.toPlainString());
                }
                vendor = sum;
            } else {
                vendors = null;
            }
            requireFraction("shares.vendor", vendor);
            BigDecimal sum = insurer.add(hospital).add(vendor);
            if (sum.compareTo(BigDecimal.ONE) != 0) {
                throw new IllegalArgumentException("shares must sum to 1, they sum to " + sum.toPlainString());
            }
        }

        public PartyShares(BigDecimal insurer, BigDecimal hospital, BigDecimal vendor) {
            this(insurer, hospital, vendor, null, null);
        }

        public PartyShares(BigDecimal insurer, BigDecimal hospital, BigDecimal vendor, Map<String, BigDecimal> vendors) {
            this(insurer, hospital, vendor, vendors, null);
        }

        /** The AI services listed for the vendor, none when none are. */
        public List<String> servicesOf(String vendorId) {
            return services == null ? List.of() : services.getOrDefault(vendorId, List.of());
        }

        /** Every party's share in allocation order: insurer, hospital, then the vendor or each vendor. */
        public Map<String, BigDecimal> byParty(String vendorId) {
            Map<String, BigDecimal> parties = new LinkedHashMap<>();
            parties.put("insurer", insurer);
            parties.put("hospital", hospital);
            if (vendors == null) {
                parties.put("vendor:" + vendorId, vendor);
            } else {
                vendors.forEach((id, share) -> parties.put("vendor:" + id, share));
            }
            return parties;
        }
    }

    /**
     * Two-sided terms: the loss rate (fixed, or 1 - final share rate clamped to [lowest, highest])
     * and the loss cap as a rate of the baseline (null: no cap).
     */
    public record LossTerms(BigDecimal rate, BigDecimal lowest, BigDecimal highest, BigDecimal capRate) {
        public LossTerms {
            if ((rate == null) == (lowest == null || highest == null)) {
                throw new IllegalArgumentException("loss_rate is either a fixed rate or complement bounds [lowest, highest]");
            }
            if (rate != null) {
                requireFraction("loss_rate", rate);
            } else {
                requireFraction("loss_rate.lowest", lowest);
                requireFraction("loss_rate.highest", highest);
                if (highest.compareTo(lowest) < 0) {
                    throw new IllegalArgumentException("loss_rate bounds are reversed");
                }
            }
            if (capRate != null) {
                requireFraction("loss_cap_rate", capRate);
            }
        }

        LossRate lossRate() {
            return rate != null ? new LossRate.Fixed(rate) : new LossRate.ComplementOfShare(lowest, highest);
        }
    }
}
