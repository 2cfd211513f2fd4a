package io.outcomepay.billing.party;

import io.outcomepay.billing.limits.InvalidValue;
import io.outcomepay.billing.limits.Limit;

import java.util.Locale;

/**
 * A party to a contract: an insurer, a hospital or a vendor, each named by its id (held to the
 * party-id limit). Written {@code kind:id}, e.g. {@code insurer:INS-1}; the same id under two
 * kinds names two parties.
 */
public record Party(Kind kind, String id) implements Comparable<Party> {

    public enum Kind {
        INSURER, HOSPITAL, VENDOR;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Party {
        if (kind == null) {
            throw new InvalidValue("party", "needs a kind: insurer, hospital or vendor");
        }
        Limit.PARTY_ID.require(kind.label(), id);
    }

    public static Party insurer(String id) {
        return new Party(Kind.INSURER, id);
    }

    public static Party hospital(String id) {
        return new Party(Kind.HOSPITAL, id);
    }

    public static Party vendor(String id) {
        return new Party(Kind.VENDOR, id);
    }

    /** A party as written: {@code insurer:ID}, {@code hospital:ID} or {@code vendor:ID}. */
    public static Party parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon < 0) {
            throw new InvalidValue("party", "'" + text + "' is not kind:id (insurer:ID, hospital:ID or vendor:ID)");
        }
        String kind = text.substring(0, colon);
        for (Kind k : Kind.values()) {
            if (k.label().equals(kind)) {
                return new Party(k, text.substring(colon + 1));
            }
        }
        throw new InvalidValue("party", "kind '" + kind + "' is not insurer, hospital or vendor");
    }

    @Override
    public int compareTo(Party other) {
        int byKind = kind.compareTo(other.kind);
        return byKind != 0 ? byKind : id.compareTo(other.id);
    }

    @Override
    public String toString() {
        return kind.label() + ":" + id;
    }
}
