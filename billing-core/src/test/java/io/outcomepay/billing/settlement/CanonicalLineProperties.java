package io.outcomepay.billing.settlement;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The line written directly for its digest is the canonical JSON of the map of its fields, and so are its digested bytes. */
class CanonicalLineProperties {

    @Property(tries = 500)
    void theDirectlyWrittenLineIsTheCanonicalJsonOfItsFields(@ForAll("text") String claimId,
                                                           @ForAll("text") String hospitalId,
                                                           @ForAll("optionalText") String drg,
                                                           @ForAll("optionalText") String dipGroup,
                                                           @ForAll("optionalText") String patient,
                                                           @ForAll boolean aiAssisted,
                                                           @ForAll("amounts") BigDecimal allowed,
                                                           @ForAll("days") LocalDate discharge,
                                                           @ForAll("optionalText") String payer,
                                                           @ForAll("optionalText") String aiVendor) {
        EncounterLine line = new EncounterLine("id-" + claimId, claimId, hospitalId, discharge, drg, allowed, "USD",
                aiAssisted, dipGroup, patient, payer, null, java.util.List.of(), aiVendor);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("encounter_id", line.encounterId());
        fields.put("claim_id", line.claimId());
        fields.put("hospital_id", line.hospitalId());
        fields.put("discharge_date", line.dischargeDate().toString());
        fields.put("drg", line.drg());
        fields.put("dip_group", line.dipGroup());
        fields.put("allowed_amount", line.allowedAmount());
        fields.put("currency", line.currency());
        fields.put("ai_assisted", line.aiAssisted());
        // v4: the payer and the vendor the line counts for, when it has them
        if (payer != null) {
            fields.put("payer", payer);
        }
        if (aiVendor != null) {
            fields.put("ai_vendor", aiVendor);
        }

        assertThat(Fingerprint.canonicalLine(line)).isEqualTo(CanonicalJson.write(fields));
        // the digest written without the string is the digest of the string's UTF-8 bytes
        assertThat(Fingerprint.lineSha256(line)).isEqualTo(Fingerprint.newSha256()
                .digest(Fingerprint.canonicalLine(line).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.strings().all().ofMinLength(1).ofMaxLength(20);
    }

    @Provide
    Arbitrary<String> optionalText() {
        return text().injectNull(0.3);
    }

    @Provide
    Arbitrary<BigDecimal> amounts() {
        return Arbitraries.bigDecimals().between(new BigDecimal("-1000000"), new BigDecimal("1000000")).ofScale(2);
    }

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.longs().between(0, 20_000).map(d -> LocalDate.of(1990, 1, 1).plusDays(d));
    }
}
