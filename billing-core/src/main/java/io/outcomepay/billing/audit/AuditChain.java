package io.outcomepay.billing.audit;

import io.outcomepay.billing.settlement.CanonicalJson;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash chain over the events of a contract month:
 * <pre>
 * h_0 = SHA-256("outcomepay period chain\n" + period id)
 * h_i = SHA-256(h_(i-1) + "\n" + canonical JSON of event i)      (hex, lower case)
 * </pre>
 * Each event records h_(i-1) as its previousHash (so it is part of its own canonical form) and is
 * stored with h_i; closing records the head. Changing any stored event changes its hash, which no
 * longer matches what the event after it recorded, nor the head recorded at close.
 */
public final class AuditChain {

    private AuditChain() {
    }

    public static String genesis(String periodId) {
        return sha256("outcomepay period chain\n" + periodId);
    }

    public static String next(String previousHash, Object event) {
        return sha256(previousHash + "\n" + CanonicalJson.write(event));
    }

    /**
     * A stored event of the chain.
     *
     * @param previousHash the hash it recorded before it (null: recorded before the chain existed)
     * @param storedHash   the hash stored with it (null: none)
     * @param recordedHead for a close: the head it recorded, else null
     */
    public record Link(long sequence, String type, Object event, String previousHash, String storedHash,
                       String recordedHead) {
    }

    /** What verifying found: the head recomputed from the stored events and every mismatch, in order. */
    public record Verification(String periodId, int events, String head, String closedHead, boolean intact,
                               List<String> problems) {
    }

    /** Recomputes the chain over the stored events, oldest first, and compares every recorded hash. */
    public static Verification verify(String periodId, List<Link> links) {
        List<String> problems = new ArrayList<>();
        String head = genesis(periodId);
        String closedHead = null;
        for (Link link : links) {
            String at = "event " + link.sequence() + " (" + link.type() + ")";
            if (link.previousHash() != null && !link.previousHash().equals(head)) {
                problems.add(at + " records the previous hash " + link.previousHash() + " but the events before it hash to "
                        + head + ": an earlier event was altered, removed or inserted");
            }
            if (link.recordedHead() != null) {
                closedHead = link.recordedHead();
                if (!link.recordedHead().equals(head)) {
                    problems.add(at + " closed the month on the chain head " + link.recordedHead()
                            + " but the events before it hash to " + head);
                }
            }
            head = next(link.previousHash() != null ? link.previousHash() : head, link.event());
            if (link.storedHash() != null && !link.storedHash().equals(head)) {
                problems.add(at + " was stored with the hash " + link.storedHash() + " but its content hashes to " + head
                        + ": the stored event was altered");
            } else if (link.storedHash() == null && link.previousHash() != null) {
                problems.add(at + " has no stored hash");
            }
        }
        return new Verification(periodId, links.size(), head, closedHead, problems.isEmpty(), List.copyOf(problems));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
