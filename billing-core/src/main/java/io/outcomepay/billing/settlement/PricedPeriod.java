package io.outcomepay.billing.settlement;

import io.outcomepay.billing.settlement.SettlementResult.Exclusion;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A contract month's encounters priced and summed, before the pool is shared: what settlement
 * needs from the encounters, whether they were priced in memory or summed by SQL from the
 * encounter facts.
 *
 * @param inPeriod    encounters discharged in the period at the contract's hospitals, not voided
 * @param notEligible of those, the ones the contract's eligibility does not take
 * @param hospitals   one entry per contract hospital, by hospital id
 * @param exclusions  eligible encounters left out, by encounter id
 * @param adjusted    outlier adjustments by kind (capped_low, prorated_high, ...), by kind
 * @param patients    distinct patients of the included encounters (an encounter without a patient
 *                    counts as its own); counted only when a banded minimum rate needs it, else 0
 * @param namesParties whether any line names a payer or the vendor it counts for (fingerprint v4)
 */
public record PricedPeriod(int inPeriod, int notEligible, List<HospitalTotals> hospitals, List<Exclusion> exclusions,
                           Map<String, Integer> adjusted, int patients, boolean namesParties) {

    public PricedPeriod {
        hospitals = hospitals.stream().sorted(Comparator.comparing(HospitalTotals::hospitalId)).toList();
        exclusions = exclusions.stream().sorted(Comparator.comparing(Exclusion::encounterId)).toList();
        adjusted = java.util.Collections.unmodifiableMap(new TreeMap<>(adjusted));
    }

    /**
     * One hospital's part.
     *
     * @param lines       its encounters in the period, not voided (eligible or not)
     * @param linesSha256 SHA-256 over the SHA-256 of each of those lines' canonical form, in
     *                    encounter id order ({@link Fingerprint#lineSha256})
     * @param included    eligible and not excluded
     * @param excluded    eligible and excluded
     * @param baseline    sum of the included baselines
     * @param actual      sum of the included actual costs
     */
    public record HospitalTotals(String hospitalId, int lines, String linesSha256, int included, int excluded,
                                 BigDecimal baseline, BigDecimal actual) {
    }
}
