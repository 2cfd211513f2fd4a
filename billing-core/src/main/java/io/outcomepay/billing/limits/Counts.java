package io.outcomepay.billing.limits;

/**
 * The counts a request may ask for (docs/limits.md): how many rows a list returns, a page's number
 * and size, the resamples of the statistics. Checked by the query or use case that takes them, so
 * the CLI and the REST API refuse the same values (REST: 400 naming the parameter).
 */
public enum Counts {
    /** Rows of a list (dead letters, parked events). */
    LIST_LIMIT(1, 10_000),
    /** A page's number, from 0, and its size. */
    PAGE(0, 1_000_000),
    PAGE_SIZE(1, 1_000),
    /** Bootstrap resamples of the statistics. */
    RESAMPLES(100, 100_000);

    private final int min;
    private final int max;

    Counts(int min, int max) {
        this.min = min;
        this.max = max;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    /** The value when it lies in [min, max]; the field is named as the caller's interface names it. */
    public int check(String field, long value) {
        if (value < min || value > max) {
            throw new InvalidValue(field, "must be between " + min + " and " + max + ", was " + value);
        }
        return (int) value;
    }
}
