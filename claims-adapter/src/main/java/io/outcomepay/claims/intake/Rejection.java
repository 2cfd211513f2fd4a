package io.outcomepay.claims.intake;

/**
 * A record that could not land, with where it came from and why: file, line, the field at fault
 * and the reason. It goes to the dead-letter store; the rest of the file still lands.
 *
 * @param replayFormat  how {@code replayPayload} reads again after a fix ({@link #REPLAY_CSV},
 *                      {@link #REPLAY_CLAIM}, {@link #REPLAY_USAGE}), or null when the record
 *                      cannot be replayed (the file has to be sent again)
 * @param replayPayload the record in that form, patient ids already pseudonymized
 */
public record Rejection(String file, long line, String field, String reason, String rawRecord,
                        String replayFormat, String replayPayload) implements IntakeItem {

    /** A CSV header line and the rejected row (the patient as its stored pseudonym). */
    public static final String REPLAY_CSV = "csv";
    /** A normalized claim as JSON: it was read, but its encounter refused it (an original missing, say). */
    public static final String REPLAY_CLAIM = "claim";
    /** An AI usage event as JSON. */
    public static final String REPLAY_USAGE = "usage";

    public Rejection(String file, long line, String field, String reason, String rawRecord) {
        this(file, line, field, reason, rawRecord, null, null);
    }

    public boolean replayable() {
        return replayFormat != null;
    }

    @Override
    public String toString() {
        return file + ":" + line + " field " + field + ": " + reason;
    }
}
