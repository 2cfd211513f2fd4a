package io.outcomepay.billing.limits;

/**
 * A value the product does not accept: the field as its format names it, and the reason. Its
 * message is the one line shown to a user, {@code field: reason}; a rejected record stores the two apart.
 */
public class InvalidValue extends IllegalArgumentException {

    private final String field;
    private final String reason;

    public InvalidValue(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
