package io.outcomepay.billing.settlement;

import java.math.BigDecimal;

/**
 * A baseline table priced for one contract: for each encounter, the norm its cost is compared
 * with (for outliers) and the standard amount its baseline starts from.
 */
public sealed interface CaseBaseline permits DrgBaseline, DipBaseline {

    String tableId();

    int tableVersion();

    String contentSha256();

    /** The encounter's norm, or a reason it has none. */
    Norm normFor(EncounterLine line, java.util.Currency currency);

    /** The case-mix weight of the encounter's group (DRG relative weight, DIP score), or null. */
    BigDecimal caseWeight(EncounterLine line);

    /** What this baseline is priced with, for the fingerprint and the trace. */
    java.util.Map<String, Object> pricing();

    /**
     * @param reference the cost an outlier ratio is taken against (actual / reference)
     * @param standard  the baseline before outlier adjustment, exact; null when there is none
     * @param missing   why there is no norm (null when there is one)
     */
    record Norm(BigDecimal reference, BigDecimal standard, SettlementResult.ExclusionReason missing, String detail) {
        static Norm of(BigDecimal reference, BigDecimal standard) {
            return new Norm(reference, standard, null, null);
        }

        static Norm none(SettlementResult.ExclusionReason reason, String detail) {
            return new Norm(null, null, reason, detail);
        }
    }
}
