package io.outcomepay.claims.intake;

import java.time.Instant;

/**
 * A stored rejection: open until a replay lands it (then replayed, with the outcome), attempts
 * counting the replays that were refused again.
 */
public record DeadLetter(long id, String status, String file, long line, String field, String reason,
                         boolean replayable, int attempts, String lastAttempt, Instant rejectedAt, Instant replayedAt,
                         String rawRecord) {

    public static final String OPEN = "open";
    public static final String REPLAYED = "replayed";

    @Override
    public String toString() {
        return "#" + id + " " + status + " " + file + ":" + line + " field " + field + ": " + reason
                + (replayable ? "" : " (not replayable: send the corrected file again)")
                + (attempts > 0 ? " [replayed " + attempts + "x, last: " + lastAttempt + "]" : "");
    }
}
