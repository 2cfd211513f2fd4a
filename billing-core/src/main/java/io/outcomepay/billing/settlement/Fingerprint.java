package io.outcomepay.billing.settlement;

import io.outcomepay.billing.settlement.SettlementResult.Row;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * SHA-256 over the canonical JSON ({@link CanonicalJson}: sorted keys, plain decimal strings) of a
 * settlement's inputs, terms and results. The inputs are each hospital's line count and the
 * SHA-256 of its lines' digests in encounter id order ({@link #lineSha256}). Collections are sorted, so time zone, locale and input
 * order cannot change it. Rates in the terms are written without trailing zeros, so "0.10" and
 * "0.1" are the same term.
 */
public final class Fingerprint {

    static final String VERSION = "outcomepay-settlement-v3";
    /**
     * v3 with the parties in the data: a line's canonical form adds {@code ai_vendor} (the vendor
     * whose AI it counts for, when a usage event or a listed service names it) and {@code payer}
     * when it has them; a month none of whose lines has either keeps v3, its fingerprint unchanged.
     */
    static final String VERSION_PARTIES = "outcomepay-settlement-v4";

    private Fingerprint() {
    }

    static String of(SettlementRequest request, PricedPeriod priced, Row total, List<Row> rows) {
        Map<String, Object> contract = new LinkedHashMap<>();
        contract.put("id", request.contractId());
        contract.put("version", request.contractVersion());
        contract.put("period", request.period().toString());
        contract.put("currency", request.currency().getCurrencyCode());
        contract.put("hospitals", List.copyOf(new TreeSet<>(request.hospitals())));
        contract.put("vendor", request.vendor());
        CaseBaseline baseline = request.baseline();
        Map<String, Object> table = new LinkedHashMap<>(baseline.pricing());
        table.put("table", baseline.tableId());
        table.put("version", baseline.tableVersion());
        table.put("sha256", baseline.contentSha256());
        List<Object> inputs = new ArrayList<>();
        priced.hospitals().forEach(h -> {
            Map<String, Object> hospital = new LinkedHashMap<>();
            hospital.put("hospital_id", h.hospitalId());
            hospital.put("lines", h.lines());
            hospital.put("lines_sha256", h.linesSha256());
            inputs.add(hospital);
        });
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("eligible", priced.inPeriod() - priced.notEligible());
        results.put("not_eligible", priced.notEligible());
        results.put("excluded", priced.exclusions().stream()
                .map(e -> Map.of("encounter_id", e.encounterId(), "reason", e.reason().name())).toList());
        List<Object> rowMaps = new ArrayList<>();
        rows.forEach(r -> rowMaps.add(row(r)));
        rowMaps.add(row(total));
        results.put("rows", rowMaps);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("version", priced.namesParties() ? VERSION_PARTIES : VERSION);
        document.put("contract", contract);
        document.put("baseline", table);
        document.put("terms", terms(request.terms()));
        document.put("quality_score", request.qualityScore() == null ? null : rate(request.qualityScore()));
        document.put("inputs", inputs);
        document.put("results", results);
        return sha256(CanonicalJson.write(document));
    }

    /**
     * SHA-256 of one encounter line's canonical form (the fields settlement reads). A hospital's
     * input digest is the SHA-256 of these, concatenated in encounter id order, so a settlement
     * summed by SQL from stored line digests fingerprints the same as one priced in memory.
     */
    public static byte[] lineSha256(EncounterLine l) {
        return LINE.get().digest(l);
    }

    /** Whether the line's canonical form is v4's: it names a payer or the vendor it counts for. */
    public static boolean namesParties(EncounterLine l) {
        return l.payer() != null || l.aiVendor() != null;
    }

    /** One per thread: looking a digest up costs more than a line's digest. */
    private static final ThreadLocal<LineDigest> LINE = ThreadLocal.withInitial(LineDigest::new);

    /**
     * The UTF-8 bytes of {@link #canonicalLine} written straight into a buffer and digested, with
     * no string in between: the facts processor digests every encounter. A value with a character
     * beyond ASCII is written by {@link CanonicalJson} and encoded, as canonicalLine does.
     */
    private static final class LineDigest {
        private final MessageDigest sha256 = newSha256();
        private byte[] buffer = new byte[512];
        private int length;

        byte[] digest(EncounterLine l) {
            length = 0;
            key("{\"ai_assisted\":");
            value(Boolean.toString(l.aiAssisted()));
            if (l.aiVendor() != null) {
                key(",\"ai_vendor\":");
                value(l.aiVendor());
            }
            key(",\"allowed_amount\":");
            value(l.allowedAmount() == null ? null : l.allowedAmount().toPlainString());
            key(",\"claim_id\":");
            value(l.claimId());
            key(",\"currency\":");
            value(l.currency());
            key(",\"dip_group\":");
            value(l.dipGroup());
            key(",\"discharge_date\":");
            value(l.dischargeDate().toString());
            key(",\"drg\":");
            value(l.drg());
            key(",\"encounter_id\":");
            value(l.encounterId());
            key(",\"hospital_id\":");
            value(l.hospitalId());
            if (l.payer() != null) {
                key(",\"payer\":");
                value(l.payer());
            }
            key("}");
            sha256.update(buffer, 0, length);
            return sha256.digest();
        }

        private void key(String ascii) {
            ensure(ascii.length());
            for (int i = 0; i < ascii.length(); i++) {
                buffer[length++] = (byte) ascii.charAt(i);
            }
        }

        private void value(String s) {
            if (s == null) {
                key("null");
                return;
            }
            int start = length;
            ensure(2 * s.length() + 2);
            buffer[length++] = '"';
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c >= 0x80 || c < 0x20) {
                    length = start;
                    StringBuilder escaped = new StringBuilder(s.length() + 8);
                    CanonicalJson.value(escaped, s);
                    byte[] utf8 = escaped.toString().getBytes(StandardCharsets.UTF_8);
                    ensure(utf8.length);
                    System.arraycopy(utf8, 0, buffer, length, utf8.length);
                    length += utf8.length;
                    return;
                }
                if (c == '"' || c == '\\') {
                    buffer[length++] = '\\';
                }
                buffer[length++] = (byte) c;
            }
            buffer[length++] = '"';
        }

        private void ensure(int more) {
            if (length + more > buffer.length) {
                buffer = java.util.Arrays.copyOf(buffer, Math.max(2 * buffer.length, length + more));
            }
        }
    }

    /**
     * The line as {@link CanonicalJson#write} writes the map of its fields (keys sorted, every value
     * a string or null), written directly: the facts processor digests every encounter.
     */
    static String canonicalLine(EncounterLine l) {
        StringBuilder out = new StringBuilder(256);
        out.append("{\"ai_assisted\":");
        CanonicalJson.value(out, Boolean.toString(l.aiAssisted()));
        if (l.aiVendor() != null) {
            out.append(",\"ai_vendor\":");
            CanonicalJson.value(out, l.aiVendor());
        }
        out.append(",\"allowed_amount\":");
        CanonicalJson.value(out, l.allowedAmount() == null ? null : l.allowedAmount().toPlainString());
        out.append(",\"claim_id\":");
        CanonicalJson.value(out, l.claimId());
        out.append(",\"currency\":");
        CanonicalJson.value(out, l.currency());
        out.append(",\"dip_group\":");
        CanonicalJson.value(out, l.dipGroup());
        out.append(",\"discharge_date\":");
        CanonicalJson.value(out, l.dischargeDate().toString());
        out.append(",\"drg\":");
        CanonicalJson.value(out, l.drg());
        out.append(",\"encounter_id\":");
        CanonicalJson.value(out, l.encounterId());
        out.append(",\"hospital_id\":");
        CanonicalJson.value(out, l.hospitalId());
        if (l.payer() != null) {
            out.append(",\"payer\":");
            CanonicalJson.value(out, l.payer());
        }
        return out.append('}').toString();
    }

    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    static Map<String, Object> terms(SettlementTerms t) {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("preset", t.preset());
        terms.put("eligible", t.eligible());
        terms.put("minimum_savings_rate", t.minimumSavingsRate() == null ? null : rate(t.minimumSavingsRate()));
        terms.put("minimum_savings_rate_table", t.minimumSavingsRateTable());
        terms.put("minimum_loss_rate", t.minimumLossRate() == null ? null : rate(t.minimumLossRate()));
        terms.put("sharing", t.sharing());
        terms.put("max_share_rate", rate(t.maxShareRate()));
        terms.put("minimum_quality_score", t.minimumQualityScore() == null ? null : rate(t.minimumQualityScore()));
        terms.put("withhold", rate(t.withhold()));
        terms.put("cap_rate", rate(t.capRate()));
        if (t.losses() != null) {
            Map<String, Object> losses = new LinkedHashMap<>();
            losses.put("rate", t.losses().rate() == null ? null : rate(t.losses().rate()));
            losses.put("lowest", t.losses().lowest() == null ? null : rate(t.losses().lowest()));
            losses.put("highest", t.losses().highest() == null ? null : rate(t.losses().highest()));
            losses.put("cap_rate", t.losses().capRate() == null ? null : rate(t.losses().capRate()));
            terms.put("losses", losses);
        }
        Map<String, Object> outliers = new LinkedHashMap<>();
        outliers.put("rule", t.outliers().rule());
        outliers.put("low", rate(t.outliers().low()));
        outliers.put("high", rate(t.outliers().high()));
        outliers.put("review", t.outliers().review() == null ? null : rate(t.outliers().review()));
        terms.put("outliers", outliers);
        Map<String, Object> shares = new LinkedHashMap<>();
        t.shares().byParty("").forEach((party, share) -> shares.put(party, rate(share)));
        terms.put("shares", shares);
        if (t.shares().services() != null) {
            // v4: the AI services listed per vendor decide which claims count as whose AI
            terms.put("services", t.shares().services());
        }
        return terms;
    }

    private static Map<String, Object> row(Row r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("hospital_id", r.hospitalId());
        row.put("encounters", r.encounters());
        row.put("excluded", r.excluded());
        row.put("baseline_total", r.baselineTotal());
        row.put("actual_total", r.actualTotal());
        row.put("savings", r.savings());
        row.put("savings_rate", r.savingsRate());
        row.put("pool", r.pool());
        row.put("insurer", r.insurer());
        row.put("hospital", r.hospital());
        row.put("vendor", r.vendor());
        row.put("vendors", r.vendors());
        return row;
    }

    private static String rate(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    public static String sha256(String text) {
        return HexFormat.of().formatHex(newSha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
