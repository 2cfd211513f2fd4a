package io.outcomepay.claims.application;

import io.outcomepay.billing.encounter.api.ClaimOutcome;
import io.outcomepay.billing.limits.Limits;
import io.outcomepay.billing.usage.api.AiUsage;
import io.outcomepay.claims.intake.Rejection;
import io.outcomepay.claims.intake.RejectionStore;
import io.outcomepay.claims.usage.UsageEvent;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Importing a file of vendors' AI usage events: NDJSON (one event per line, the JSON of
 * {@code POST /api/ai-usage}) or CSV with a header of the same field names, told apart by the first
 * character. Each event is recorded as {@link RecordingAiUsage} records it; an event that cannot be
 * read or is over a limit is dead-lettered with its line, field and reason (replayable once fixed),
 * and the other events still land.
 */
public class ImportingUsageEvents {

    /** The file's events, its name the source its rejections name. */
    public record ImportUsage(Path file) {
    }

    /** What the file did. */
    public record UsageImported(int read, int recorded, int duplicates, int conflicts, List<Rejection> rejections) {
        public String summary() {
            return "read " + read + ", recorded " + recorded + ", duplicate " + duplicates + ", rejected "
                    + (rejections.size() + conflicts) + " (of which conflicts " + conflicts + ")";
        }
    }

    private final RecordingAiUsage recording;
    private final RejectionStore deadLetters;
    private final JsonMapper json = JsonMapper.builder().build();

    public ImportingUsageEvents(RecordingAiUsage recording, RejectionStore deadLetters) {
        this.recording = recording;
        this.deadLetters = deadLetters;
    }

    public UsageImported importUsage(ImportUsage command) {
        String source = command.file().getFileName().toString();
        List<Rejection> rejections = new ArrayList<>();
        int[] counts = new int[4];
        try (BufferedReader in = Files.newBufferedReader(command.file(), StandardCharsets.UTF_8)) {
            in.mark(1);
            int first = in.read();
            in.reset();
            if (first == '\uFEFF') {
                in.read();
            }
            Reader text = in;
            if (first == '{' || first == ' ' || first == '\t') {
                String line;
                long number = 0;
                while ((line = in.readLine()) != null) {
                    number++;
                    if (Limits.MAX_CSV_RECORD_CHARS < line.length()) {
                        rejections.add(new Rejection(source, number, "record", "is longer than "
                                + Limits.MAX_CSV_RECORD_CHARS + " characters", line.substring(0, 200)));
                    } else if (!line.isBlank()) {
                        String event = line;
                        record(source, number, event, () -> json.readValue(event, UsageEvent.class), counts, rejections);
                    }
                }
            } else {
                try (CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(text)) {
                    for (String field : List.of("event_id", "vendor")) {
                        if (!csv.getHeaderMap().containsKey(field)) {
                            throw new IllegalArgumentException(source + ": " + field + ": column missing from the header");
                        }
                    }
                    for (CSVRecord row : csv) {
                        Map<String, String> values = row.toMap();
                        String raw = String.join(",", row.values());
                        record(source, row.getRecordNumber() + 1, raw, () -> new UsageEvent(value(values, "event_id"),
                                value(values, "vendor"), value(values, "ai_service"), value(values, "model_version"),
                                value(values, "hospital_id"), value(values, "claim_id"), value(values, "encounter_ref"),
                                value(values, "occurred_at"), value(values, "kind")), counts, rejections);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + command.file(), e);
        }
        deadLetters.store(rejections);
        return new UsageImported(counts[0], counts[1], counts[2], counts[3], List.copyOf(rejections));
    }

    private interface Parsed {
        UsageEvent event();
    }

    private void record(String source, long line, String raw, Parsed parsed, int[] counts, List<Rejection> rejections) {
        counts[0]++;
        UsageEvent event;
        try {
            event = parsed.event();
        } catch (JacksonException unreadable) {
            rejections.add(new Rejection(source, line, "record", "not a usage event in JSON: "
                    + unreadable.getOriginalMessage().lines().findFirst().orElse(""), raw));
            return;
        }
        AiUsage.Details details;
        try {
            details = event.details();
        } catch (IllegalArgumentException invalid) {
            String reason = invalid.getMessage();
            String field = reason.contains(":") ? reason.substring(0, reason.indexOf(':')) : "record";
            rejections.add(new Rejection(source, line, field, reason, raw, Rejection.REPLAY_USAGE,
                    json.writeValueAsString(event)));
            return;
        }
        ClaimOutcome outcome = recording.record(new RecordingAiUsage.RecordUsage(event, details, source, line));
        switch (outcome) {
            case RECORDED -> counts[1]++;
            case DUPLICATE -> counts[2]++;
            default -> counts[3]++;
        }
    }

    private static String value(Map<String, String> row, String field) {
        String value = row.get(field);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
