package io.outcomepay.app.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DemoClaimsTest {

    private static final DemoClaims.Settings SETTINGS =
            new DemoClaims.Settings(7, 2000, YearMonth.of(2026, 1), new BigDecimal("6500.00"));

    @Test
    void theSameSettingsGiveTheSameBytes(@TempDir Path dir) throws IOException {
        DemoClaims.write(dir.resolve("a.csv"), SETTINGS);
        DemoClaims.write(dir.resolve("b.csv"), SETTINGS);
        DemoClaims.write(dir.resolve("c.csv"), new DemoClaims.Settings(8, 2000, YearMonth.of(2026, 1), new BigDecimal("6500.00")));

        assertThat(Files.readAllBytes(dir.resolve("a.csv"))).isEqualTo(Files.readAllBytes(dir.resolve("b.csv")));
        assertThat(Files.readAllBytes(dir.resolve("a.csv"))).isNotEqualTo(Files.readAllBytes(dir.resolve("c.csv")));
    }

    @Test
    void holdsTheEncountersThenCorrectionsVoidsAndBadRecords(@TempDir Path dir) throws IOException {
        DemoClaims.write(dir.resolve("a.csv"), SETTINGS);
        List<String> lines = Files.readAllLines(dir.resolve("a.csv"));

        // header + 2000 + 40 outside the contract + 8 in EUR + 12 bad + 6 replacements + 3 voids
        assertThat(lines).hasSize(1 + 2000 + 40 + 8 + 12 + 6 + 3);
        assertThat(lines.stream().filter(l -> l.contains(",replacement,")).count()).isEqualTo(7);
        assertThat(lines.stream().filter(l -> l.contains(",void,")).count()).isEqualTo(3);
        assertThat(lines.stream().filter(l -> l.startsWith("BAD-")).count()).isEqualTo(11);
        long aiAssisted = lines.stream().filter(l -> l.contains(",true,original,")).count();
        assertThat(aiAssisted).isBetween(900L, 1100L);
        assertThat(lines.stream().allMatch(l -> l.contains("2026-01-") || l.startsWith("claim_id"))).isTrue();
    }
}
