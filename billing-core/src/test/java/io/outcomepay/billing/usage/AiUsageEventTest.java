package io.outcomepay.billing.usage;

import io.outcomepay.billing.encounter.api.ClaimOutcome;
import io.outcomepay.billing.usage.api.AiUsage.AiUsageRecorded;
import io.outcomepay.billing.usage.api.AiUsage.Details;
import io.outcomepay.billing.usage.api.AiUsage.RecordAiUsage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;

class AiUsageEventTest {

    private final AggregateTestFixture<AiUsageEvent> fixture = new AggregateTestFixture<>(AiUsageEvent.class);

    static Details details(String model) {
        return new Details("VENDOR-1", "sepsis-watch", model, "H001", "CLM-1", null,
                Instant.parse("2026-01-05T10:15:30Z"), "inference");
    }

    @Test
    void recordsAUsageEventOnceAndRefusesOtherContentUnderItsId() {
        fixture.givenNoPriorActivity()
                .when(new RecordAiUsage("EV-1", details("v1")))
                .expectEvents(new AiUsageRecorded("EV-1", details("v1")))
                .expectResultMessagePayload(ClaimOutcome.RECORDED);
        fixture.given(new AiUsageRecorded("EV-1", details("v1")))
                .when(new RecordAiUsage("EV-1", details("v1")))
                .expectNoEvents()
                .expectResultMessagePayload(ClaimOutcome.DUPLICATE);
        fixture.given(new AiUsageRecorded("EV-1", details("v1")))
                .when(new RecordAiUsage("EV-1", details("v2")))
                .expectNoEvents()
                .expectResultMessagePayload(ClaimOutcome.CONFLICT);
    }
}
