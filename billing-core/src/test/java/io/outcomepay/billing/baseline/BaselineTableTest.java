package io.outcomepay.billing.baseline;

import io.outcomepay.billing.VersionOutcome;
import io.outcomepay.billing.baseline.api.BaselineCommands.PublishBaselineTable;
import io.outcomepay.billing.baseline.api.BaselineEntry;
import io.outcomepay.billing.baseline.api.BaselineKind;
import io.outcomepay.billing.baseline.api.BaselineTablePublished;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

class BaselineTableTest {

    private static final LocalDate FY2026 = LocalDate.of(2025, 10, 1);
    private AggregateTestFixture<BaselineTable> fixture;

    static PublishBaselineTable publish(LocalDate from, String weight193) {
        return new PublishBaselineTable("ms-drg-v43", BaselineKind.DRG_RELATIVE_WEIGHT, from, "test",
                List.of(new BaselineEntry("193", new BigDecimal(weight193), "SIMPLE PNEUMONIA")));
    }

    static BaselineTablePublished published(int version, LocalDate from, String weight193) {
        PublishBaselineTable c = publish(from, weight193);
        return new BaselineTablePublished(c.tableId(), version, c.kind(), from, "test",
                BaselineTable.contentSha256(c), c.entries());
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BaselineTable.class);
    }

    @Test
    void publishesVersionOne() {
        fixture.givenNoPriorActivity()
                .when(publish(FY2026, "1.3144"))
                .expectEvents(published(1, FY2026, "1.3144"))
                .expectResultMessagePayload(new VersionOutcome(1, true));
    }

    @Test
    void publishingTheSameContentAgainChangesNothing() {
        fixture.given(published(1, FY2026, "1.3144"))
                .when(publish(FY2026, "1.31440"))
                .expectNoEvents()
                .expectResultMessagePayload(new VersionOutcome(1, false));
    }

    @Test
    void publishesChangedWeightsAsALaterVersion() {
        fixture.given(published(1, FY2026, "1.3144"))
                .when(publish(LocalDate.of(2026, 4, 1), "1.3200"))
                .expectEvents(published(2, LocalDate.of(2026, 4, 1), "1.3200"))
                .expectResultMessagePayload(new VersionOutcome(2, true));
        fixture.given(published(1, FY2026, "1.3144"))
                .when(publish(FY2026, "1.3200"))
                .expectNoEvents()
                .expectException(IllegalArgumentException.class);
    }
}
