package io.outcomepay.app.config;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IsoLocalDatesTest {

    private final JsonMapper fast = JsonMapper.builder().addModule(IsoLocalDates.module()).build();
    private final JsonMapper jackson = JsonMapper.builder().build();

    private record Stay(LocalDate discharged) {
    }

    @Test
    void readsWhatJacksonReads() {
        for (String json : new String[]{"\"2026-01-02\"", "\"2024-02-29\"", "\"0001-12-31\"", "\"+12026-01-02\"",
                "[2026,1,2]", "\"2026-01-02T00:00:00\"", "null"}) {
            String stay = "{\"discharged\":" + json + "}";
            assertThat(fast.readValue(stay, Stay.class)).as(json).isEqualTo(jackson.readValue(stay, Stay.class));
        }
        assertThat(fast.readValue("{\"discharged\":\"2031-01-24\"}", Stay.class).discharged())
                .isEqualTo(LocalDate.of(2031, 1, 24));
    }

    @Test
    void refusesWhatJacksonRefuses() {
        for (String json : new String[]{"\"2026-02-30\"", "\"2026-13-01\"", "\"2026-1-02x\"", "\"20x6-01-02\""}) {
            String stay = "{\"discharged\":" + json + "}";
            assertThatThrownBy(() -> jackson.readValue(stay, Stay.class)).isInstanceOf(JacksonException.class);
            assertThatThrownBy(() -> fast.readValue(stay, Stay.class)).as(json).isInstanceOf(JacksonException.class);
        }
    }
}
