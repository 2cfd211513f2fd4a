package io.outcomepay.billing.limits;

/**
 * A value outside what the product accepts: the field as its format names it, and the reason. Its
 * message is the reason alone; {@link #toString()}-free callers show {@code field: reason}.
 */
public class InvalidValue extends IllegalArgumentException {

    private final String field;

    public InvalidValue(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** {@code field: reason}, the one line shown to a user. */
    public String fieldAndReason() {
        return field + ": " + getMessage();
    }
}
