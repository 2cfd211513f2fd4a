package io.outcomepay.analytics.facts;

/**
 * Where an encounter fact stands in its contract month, and the code {@code encounter_fact.state}
 * stores for it (the table's check constraint and the view {@code encounter_group_totals} use the
 * same codes; {@code FactStateTest} holds them to this enum). The SQL of the settlement sums is
 * written with {@link #sql()} and {@link #IN_THE_MONTH}, never with bare numbers.
 */
public enum FactState {
    /** Priced into the settlement. */
    INCLUDED(0),
    /** In the month, but not eligible (not AI-assisted for the contract). */
    NOT_ELIGIBLE(1),
    /** Eligible, left out by a rule (outlier, no baseline, other currency): listed with its reason. */
    EXCLUDED(2),
    /** Voided or denied: out of the month altogether. */
    OUT(3);

    /** The facts that count in the month (every state but {@link #OUT}), as SQL. */
    public static final String IN_THE_MONTH = "state < " + OUT.code;

    private final short code;

    FactState(int code) {
        this.code = (short) code;
    }

    public short code() {
        return code;
    }

    /** {@code state = <code>}: the condition selecting the facts in this state. */
    public String sql() {
        return "state = " + code;
    }
}
