package io.outcomepay.billing.encounter;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** An encounter's id, derived from (hospital_id, claim_id) of its original claim: same pair, same id. */
public final class EncounterId {

    private EncounterId() {
    }

    public static String of(String hospitalId, String originalClaimId) {
        // Length-prefixing keeps ("H1", "23") and ("H12", "3") apart.
        String key = hospitalId.length() + ":" + hospitalId + "|" + originalClaimId;
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
