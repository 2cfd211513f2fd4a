package io.outcomepay.claims.intake;

/**
 * A record that could not land, with where it came from and why: file, line, the field at fault
 * and the reason. It goes to the dead-letter store; the rest of the file still lands.
 */
public record Rejection(String file, long line, String field, String reason, String rawRecord) implements IntakeItem {

    @Override
    public String toString() {
        return file + ":" + line + " field " + field + ": " + reason;
    }
}
