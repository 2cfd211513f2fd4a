package io.outcomepay.app.baseline;

import io.outcomepay.billing.VersionOutcome;
import io.outcomepay.billing.baseline.api.BaselineCommands.PublishBaselineTable;
import io.outcomepay.billing.baseline.api.BaselineEntry;
import io.outcomepay.billing.baseline.api.BaselineKind;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes the baseline tables shipped inside the product on start-up. Publishing is idempotent:
 * an unchanged table adds no event.
 */
public class ShippedBaselines implements ApplicationRunner {

    public static final String MS_DRG_V43 = "ms-drg-v43";
    /** MS-DRG v43 is the CMS grouper for federal fiscal year 2026, which starts on 2025-10-01. */
    static final LocalDate FY2026_START = LocalDate.of(2025, 10, 1);
    private static final String RESOURCE = "/baselines/ms-drg-v43-fy2026-weights.csv";

    private final CommandGateway commands;

    public ShippedBaselines(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void run(ApplicationArguments args) {
        commands.<VersionOutcome>sendAndWait(msDrgV43());
    }

    public static PublishBaselineTable msDrgV43() {
        return new PublishBaselineTable(MS_DRG_V43, BaselineKind.DRG_RELATIVE_WEIGHT, FY2026_START,
                "CMS FY2026 MS-DRG v43 relative weights (VistA patch ICD*18.0*125)", readWeights());
    }

    static List<BaselineEntry> readWeights() {
        try (InputStream in = ShippedBaselines.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("baseline table missing from the build: " + RESOURCE);
            }
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            List<BaselineEntry> entries = new ArrayList<>();
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                entries.add(new BaselineEntry(r.get("drg"), new BigDecimal(r.get("weight")), r.get("title")));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
