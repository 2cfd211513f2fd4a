package io.outcomepay.claims.intake;

/** A field of a record that fails validation: its name as the format knows it, and the reason. */
public final class InvalidField extends RuntimeException {

    private final String field;

    public InvalidField(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
