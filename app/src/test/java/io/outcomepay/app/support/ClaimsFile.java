package io.outcomepay.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds small claims CSV files for tests: a valid default row, changed field by field. */
public final class ClaimsFile {

    public static final List<String> COLUMNS = List.of("claim_id", "hospital_id", "patient_id", "admit_date",
            "discharge_date", "drg", "principal_dx", "billed_amount", "allowed_amount", "paid_amount", "currency",
            "ai_service", "ai_assisted", "claim_frequency", "original_claim_id");

    private final List<String> columns;
    private final List<Map<String, String>> rows = new ArrayList<>();

    private ClaimsFile(List<String> columns) {
        this.columns = columns;
    }

    public static ClaimsFile withColumns(List<String> columns) {
        return new ClaimsFile(columns);
    }

    public static ClaimsFile claims() {
        return new ClaimsFile(COLUMNS);
    }

    /** An AI-assisted original claim discharged on 2026-01-15, changed by key=value pairs. */
    public ClaimsFile row(String claimId, String hospitalId, String drg, String allowed, String... changes) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("claim_id", claimId);
        row.put("hospital_id", hospitalId);
        row.put("patient_id", "MRN-RAW-" + claimId);
        row.put("admit_date", "2026-01-10");
        row.put("discharge_date", "2026-01-15");
        row.put("drg", drg);
        row.put("principal_dx", "J18.9");
        row.put("billed_amount", "30000.00");
        row.put("allowed_amount", allowed);
        row.put("paid_amount", "7000.00");
        row.put("currency", "USD");
        row.put("ai_service", "sepsis-watch");
        row.put("ai_assisted", "true");
        row.put("claim_frequency", "original");
        row.put("original_claim_id", "");
        for (String change : changes) {
            int eq = change.indexOf('=');
            row.put(change.substring(0, eq), change.substring(eq + 1));
        }
        rows.add(row);
        return this;
    }

    /** Every row so far again, at the hospital it maps to (rows of other hospitals are not repeated). */
    public ClaimsFile mirrored(Map<String, String> hospitals) {
        List<Map<String, String>> copies = new ArrayList<>();
        for (Map<String, String> row : rows) {
            String to = hospitals.get(row.get("hospital_id"));
            if (to != null) {
                Map<String, String> copy = new LinkedHashMap<>(row);
                copy.put("hospital_id", to);
                copies.add(copy);
            }
        }
        rows.addAll(copies);
        return this;
    }

    /** The file; a column a change names beyond the file's columns (payer_id) is added after them. */
    public Path writeTo(Path dir, String name) {
        List<String> columns = new ArrayList<>(this.columns);
        rows.forEach(row -> row.keySet().stream().filter(c -> !COLUMNS.contains(c) && !columns.contains(c))
                .forEach(columns::add));
        StringBuilder text = new StringBuilder(String.join(",", columns)).append('\n');
        for (Map<String, String> row : rows) {
            List<String> values = new ArrayList<>();
            for (String column : columns) {
                String v = row.getOrDefault(column, "");
                values.add(v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
            }
            text.append(String.join(",", values)).append('\n');
        }
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
