package io.outcomepay.billing.period;

import io.outcomepay.billing.VersionOutcome;
import io.outcomepay.billing.period.api.PeriodSettled;
import io.outcomepay.billing.period.api.SettlementPeriodCommands.RecordSettlement;
import io.outcomepay.billing.settlement.SettlementResult;
import io.outcomepay.billing.settlement.Settlements;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;

class SettlementPeriodTest {

    private static final String ID = SettlementPeriodId.of("C-TEST", YearMonth.of(2026, 1));
    private AggregateTestFixture<SettlementPeriod> fixture;

    private static SettlementResult result(String allowed) {
        return Settlements.request(Settlements.firstDollar()).encounter("H001", "193", allowed).settle();
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SettlementPeriod.class);
    }

    @Test
    void recordsTheFirstSettlementAsRevisionOne() {
        fixture.givenNoPriorActivity()
                .when(new RecordSettlement(ID, result("8000.00")))
                .expectEvents(new PeriodSettled(ID, 1, result("8000.00")))
                .expectResultMessagePayload(new VersionOutcome(1, true));
    }

    @Test
    void recordsNothingWhenTheFingerprintIsUnchanged() {
        fixture.given(new PeriodSettled(ID, 1, result("8000.00")))
                .when(new RecordSettlement(ID, result("8000.00")))
                .expectNoEvents()
                .expectResultMessagePayload(new VersionOutcome(1, false));
    }

    @Test
    void recordsAChangedCalculationAsTheNextRevision() {
        fixture.given(new PeriodSettled(ID, 1, result("8000.00")))
                .when(new RecordSettlement(ID, result("7000.00")))
                .expectEvents(new PeriodSettled(ID, 2, result("7000.00")))
                .expectResultMessagePayload(new VersionOutcome(2, true));
    }
}
