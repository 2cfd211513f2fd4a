package io.outcomepay.claims.intake;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Replaces a patient identifier by HMAC-SHA256 under a key that lives in a file outside the
 * database, so the stored pseudonym cannot be reversed or recomputed without that file. The same
 * key always gives the same pseudonym, which keeps re-sent claims idempotent.
 */
public final class Pseudonymizer {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int KEY_BYTES = 32;
    private final SecretKeySpec key;
    /** A Mac per thread: looking the algorithm up for every claim costs more than the hash itself. */
    private final ThreadLocal<Mac> macs;

    /** How a stored record (a dead letter) shows a patient: this prefix and the pseudonym. */
    public static final String STORED_PREFIX = "pseudonym:";
    private static final java.util.regex.Pattern STORED = java.util.regex.Pattern.compile(
            java.util.regex.Pattern.quote(STORED_PREFIX) + "[0-9a-f]{64}");

    private final boolean readsStored;

    public Pseudonymizer(byte[] key) {
        this(new SecretKeySpec(key.clone(), ALGORITHM), false);
        if (key.length < KEY_BYTES) {
            throw new IllegalArgumentException("pseudonym key must have at least " + KEY_BYTES + " bytes");
        }
    }

    private Pseudonymizer(SecretKeySpec key, boolean readsStored) {
        this.key = key;
        this.readsStored = readsStored;
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /**
     * The same key, also taking a stored pseudonym ({@code pseudonym:<hex>}) as it is: for
     * replaying dead letters, which hold pseudonyms only. Files from outside never get this one,
     * so they cannot name a patient by a pseudonym of their choosing.
     */
    public Pseudonymizer readingStoredPseudonyms() {
        return new Pseudonymizer(key, true);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java runtime", e);
        }
    }

    /** Reads the key file, creating it with random bytes (owner-only permissions) when it is missing. */
    public static Pseudonymizer fromKeyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] fresh = new byte[KEY_BYTES];
                new SecureRandom().nextBytes(fresh);
                Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "pseudonym", ".tmp");
                Files.write(tmp, fresh);
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // Not a POSIX file system: the directory's own protection applies.
                }
                Files.move(tmp, file);
            }
            return new Pseudonymizer(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the pseudonym key " + file, e);
        }
    }

    public String pseudonym(String patientId) {
        // checked before the HMAC (the error never shows the value: it identifies a patient)
        io.outcomepay.billing.limits.Limit.PATIENT_ID.require("patient_id", patientId);
        if (readsStored && STORED.matcher(patientId).matches()) {
            return patientId.substring(STORED_PREFIX.length());
        }
        return HexFormat.of().formatHex(macs.get().doFinal(patientId.getBytes(StandardCharsets.UTF_8)));
    }
}
