package io.outcomepay.app.config;

import io.outcomepay.billing.encounter.api.EncounterEvent.EncounterRecorded;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ReflectiveCreatorsTest {

    private final JsonMapper reflective = JsonMapper.builder().addModule(new ReflectiveCreators()).build();
    private final JsonMapper jackson = JsonMapper.builder().build();

    /** As an event payload stores it (a bench claim). */
    private static final String RECORDED = """
            {"encounterId":"8c6a74f7-a575-3aec-bf53-6af4f1ed7dec","claim":{"claimId":"SMX4INREG-0",\
            "hospitalId":"SMX4INREG-H001","patientPseudonym":"3a10359d06e7001c","admitDate":"2030-12-30",\
            "dischargeDate":"2031-01-02","drg":"318","principalDx":"J18.9","billedAmount":37172.30,\
            "allowedAmount":18586.15,"paidAmount":18586.15,"currency":"USD","aiService":"sepsis-watch",\
            "aiAssisted":true,"dipGroup":null},"source":{"file":"claims-SMX4INREG.csv","record":2}}""";

    private record Stay(String id, int nights, BigDecimal cost) {
        Stay {
            if (nights < 0) {
                throw new IllegalArgumentException("nights must not be negative: " + nights);
            }
        }
    }

    @Test
    void makesTheEventJacksonMakes() {
        EncounterRecorded event = reflective.readValue(RECORDED, EncounterRecorded.class);

        assertThat(event).isEqualTo(jackson.readValue(RECORDED, EncounterRecorded.class));
        assertThat(event.claim().dischargeDate()).isEqualTo(LocalDate.of(2031, 1, 2));
        assertThat(event.claim().billedAmount()).isEqualByComparingTo("37172.30").hasScaleOf(2);
        assertThat(event.claim().dipGroup()).isNull();
        assertThat(event.source().record()).isEqualTo(2);
    }

    @Test
    void readsMissingAndNullPropertiesAsJacksonDoes() {
        for (String json : new String[]{"{\"id\":\"a\",\"nights\":2}", "{\"nights\":0,\"cost\":null}",
                "{\"id\":\"b\",\"nights\":3,\"cost\":1.50,\"unknown\":1}"}) {
            assertThat(outcome(reflective, json)).as(json).isEqualTo(outcome(jackson, json));
        }
        assertThat(reflective.readValue("{\"id\":\"a\",\"nights\":2,\"cost\":12.30}", Stay.class))
                .isEqualTo(new Stay("a", 2, new BigDecimal("12.30")));
    }

    @Test
    void aConstructorsRefusalIsJacksonsErrorWordForWord() {
        String json = "{\"id\":\"a\",\"nights\":-1,\"cost\":1}";

        JacksonException error = catchThrowableOfType(JacksonException.class, () -> reflective.readValue(json, Stay.class));

        assertThat(error).hasMessageContaining("nights must not be negative: -1");
        assertThat(error.getMessage()).isEqualTo(
                catchThrowableOfType(JacksonException.class, () -> jackson.readValue(json, Stay.class)).getMessage());
    }

    /** The value read, or the error's message. */
    private static String outcome(JsonMapper mapper, String json) {
        try {
            return String.valueOf(mapper.readValue(json, Stay.class));
        } catch (JacksonException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
