package io.outcomepay.app.limits;

import io.outcomepay.billing.limits.Counts;
import io.outcomepay.billing.limits.Limit;
import io.outcomepay.billing.limits.Limits;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/limits.md is the one table of the limits: every limit in the code is in it, with its value. */
class LimitsTableTest {

    private static final Path TABLE = Path.of("../docs/limits.md");

    @Test
    void theDocsTableListsEveryTextLimitWithItsLength() throws Exception {
        String table = Files.readString(TABLE);

        for (Limit limit : Limit.values()) {
            String row = Arrays.stream(table.split("\n")).filter(l -> l.startsWith("| `" + limit.name() + "` |"))
                    .findFirst().orElse("");
            assertThat(row).as("row of %s", limit).contains("| " + limit.maxLength() + " |");
        }
    }

    @Test
    void theDocsTableListsTheCountsAndBoundsWithTheirValues() throws Exception {
        String table = Files.readString(TABLE);

        for (Counts count : Counts.values()) {
            assertThat(table).contains("`Counts." + count.name() + "`")
                    .contains(String.format(Locale.ROOT, "%,d", count.max()));
        }
        assertThat(table).contains(String.format(Locale.ROOT, "%,d", Limits.MAX_CSV_RECORD_CHARS))
                .contains(String.format(Locale.ROOT, "%,d", Limits.MAX_BASELINE_ENTRIES))
                .contains(Limits.FIRST_DAY + " .. " + Limits.LAST_DAY);
    }
}
