package io.outcomepay.billing.period;

import io.outcomepay.billing.VersionOutcome;
import io.outcomepay.billing.audit.AuditChain;
import io.outcomepay.billing.ledger.AccountKind;
import io.outcomepay.billing.ledger.EntryKind;
import io.outcomepay.billing.ledger.JournalEntry;
import io.outcomepay.billing.ledger.JournalLine;
import io.outcomepay.billing.ledger.Obligation;
import io.outcomepay.billing.period.api.PeriodApproved;
import io.outcomepay.billing.period.api.PeriodClosed;
import io.outcomepay.billing.period.api.PeriodRefused;
import io.outcomepay.billing.period.api.PeriodSettled;
import io.outcomepay.billing.period.api.PriorPeriodAdjustment;
import io.outcomepay.billing.period.api.SettlementPeriodCommands.ApprovePeriod;
import io.outcomepay.billing.period.api.SettlementPeriodCommands.ClosePeriod;
import io.outcomepay.billing.period.api.SettlementPeriodCommands.RecordPeriodSettlement;
import io.outcomepay.billing.settlement.SettlementResult;
import io.outcomepay.billing.settlement.Settlements;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SettlementPeriodTest {

    private static final String ID = SettlementPeriodId.of("C-TEST", YearMonth.of(2026, 1));
    private AggregateTestFixture<SettlementPeriod> fixture;

    private static SettlementResult result(String allowed) {
        return Settlements.request(Settlements.firstDollar()).encounter("H001", "193", allowed).settle();
    }

    private static RecordPeriodSettlement calculate(String allowed, String actor) {
        return new RecordPeriodSettlement(ID, result(allowed), "INS", List.of(), actor, "month-end run");
    }

    private static PeriodSettled settled(int revision, String allowed, String actor, String previousHash) {
        return new PeriodSettled(ID, revision, result(allowed), "INS", List.of(), actor, "month-end run", previousHash);
    }

    private static final String GENESIS = AuditChain.genesis(ID);
    private static final PeriodSettled FIRST = settled(1, "8000.00", "maker", GENESIS);
    private static final String AFTER_FIRST = AuditChain.next(GENESIS, FIRST);

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SettlementPeriod.class);
    }

    @Test
    void recordsTheFirstCalculationAsRevisionOneWithItsActorReasonAndTheChainsStart() {
        fixture.givenNoPriorActivity()
                .when(calculate("8000.00", "maker"))
                .expectEvents(FIRST)
                .expectResultMessagePayload(new VersionOutcome(1, true));
    }

    @Test
    void recordsNothingWhenTheFingerprintIsUnchangedAndTheNextRevisionWhenItChanged() {
        fixture.given(FIRST).when(calculate("8000.00", "maker")).expectNoEvents()
                .expectResultMessagePayload(new VersionOutcome(1, false));
        fixture.given(FIRST).when(calculate("7000.00", "another"))
                .expectEvents(settled(2, "7000.00", "another", AFTER_FIRST))
                .expectResultMessagePayload(new VersionOutcome(2, true));
    }

    @Test
    void theUserWhoRanTheLastCalculationCannotApproveIt() {
        fixture.given(FIRST).when(new ApprovePeriod(ID, "maker", "looks right"))
                .expectException(PeriodRefused.class)
                .expectExceptionMessage("maker-checker: maker ran the calculation of C-TEST@2026-01 (revision 1) and cannot "
                        + "approve it; another user must");
        fixture.given(FIRST, settled(2, "7000.00", "checker", AuditChain.next(GENESIS, FIRST)))
                .when(new ApprovePeriod(ID, "checker", "recalculated it myself"))
                .expectException(PeriodRefused.class);
    }

    @Test
    void approvalByAnotherUserPostsTheSharesAsABalancedEntry() {
        // H001: baseline 1.3144 x 6500.00 = 8543.60, actual 8000.00, savings 543.60 (6.36% >= 2%, below the 10% cap);
        // hospital 30% = 163.08, vendor 20% = 108.72, both owed by the insurer
        JournalEntry shares = new JournalEntry("C-TEST@2026-01/r1/settlement", "C-TEST", "2026-01", EntryKind.SETTLEMENT,
                "revision 1", "USD", List.of(
                JournalLine.debit("H001", AccountKind.RECEIVABLE, new BigDecimal("163.08")),
                JournalLine.credit("INS", AccountKind.PAYABLE, new BigDecimal("163.08")),
                JournalLine.debit("VENDOR-1", AccountKind.RECEIVABLE, new BigDecimal("108.72")),
                JournalLine.credit("INS", AccountKind.PAYABLE, new BigDecimal("108.72"))));
        fixture.given(FIRST).when(new ApprovePeriod(ID, "checker", "checked against the remittances"))
                .expectEvents(new PeriodApproved(ID, 1, FIRST.result().fingerprint(), "checker",
                        "checked against the remittances", List.of(shares), AFTER_FIRST));
    }

    @Test
    void anApprovedMonthIsNotRecalculatedAndCloses() {
        PeriodApproved approved = new PeriodApproved(ID, 1, FIRST.result().fingerprint(), "checker", "ok", List.of(), AFTER_FIRST);
        fixture.given(FIRST, approved).when(calculate("7000.00", "maker"))
                .expectException(PeriodRefused.class).expectExceptionMessage(
                        "C-TEST@2026-01 is approved (revision 1, by checker): it is not recalculated; close it, and later "
                                + "changes are carried as prior-period adjustments");
        String head = AuditChain.next(AFTER_FIRST, approved);
        fixture.given(FIRST, approved).when(new ClosePeriod(ID, "controller", "books closed", List.of()))
                .expectEvents(new PeriodClosed(ID, 1, FIRST.result().fingerprint(), "controller", "books closed", List.of(),
                        2, head));
    }

    @Test
    void aClosedMonthRejectsRecalculationAndApprovalAndAMonthClosesOnlyOnceApproved() {
        PeriodApproved approved = new PeriodApproved(ID, 1, FIRST.result().fingerprint(), "checker", "ok", List.of(), AFTER_FIRST);
        PeriodClosed closed = new PeriodClosed(ID, 1, FIRST.result().fingerprint(), "controller", "closed", List.of(), 2,
                AuditChain.next(AFTER_FIRST, approved));
        fixture.given(FIRST, approved, closed).when(calculate("7000.00", "maker"))
                .expectException(PeriodRefused.class).expectExceptionMessage(
                        "C-TEST@2026-01 is closed (revision 1): it is not recalculated; late claims, corrections and voids "
                                + "for it are carried into the contract's next open month as prior-period adjustments");
        fixture.given(FIRST, approved, closed).when(new ApprovePeriod(ID, "other", "again"))
                .expectException(PeriodRefused.class);
        fixture.given(FIRST).when(new ClosePeriod(ID, "controller", "too early", List.of()))
                .expectException(PeriodRefused.class)
                .expectExceptionMessage("C-TEST@2026-01 is calculated: a month is approved before it is closed");
        fixture.given(FIRST).when(new RecordPeriodSettlement(ID, result("8000.00"), "INS", List.of(), " ", "no one"))
                .expectException(PeriodRefused.class).expectExceptionMessage("actor: who does it is required to calculate a month");
        fixture.given(FIRST).when(new ApprovePeriod(ID, "checker", " "))
                .expectException(PeriodRefused.class).expectExceptionMessage("reason: why is required to approve a month");
    }

    @Test
    void anAdjustmentChangesTheRevisionAndIsPostedApartOnApproval() {
        PriorPeriodAdjustment adjustment = new PriorPeriodAdjustment("2025-12", 1, "f-closed", "f-now",
                new BigDecimal("500.00"), new BigDecimal("400.00"),
                List.of(new Obligation("INS", "H001", new BigDecimal("150.00"))),
                List.of(new Obligation("INS", "H001", new BigDecimal("120.00"))),
                List.of(new Obligation("INS", "H001", new BigDecimal("-30.00"))));
        PeriodSettled withAdjustment = new PeriodSettled(ID, 2, result("8000.00"), "INS", List.of(adjustment), "maker",
                "late correction", AFTER_FIRST);
        fixture.given(FIRST).when(new RecordPeriodSettlement(ID, result("8000.00"), "INS", List.of(adjustment), "maker",
                        "late correction"))
                .expectEvents(withAdjustment);
        fixture.given(FIRST, withAdjustment).when(new ApprovePeriod(ID, "checker", "ok"))
                .expectResultMessagePayload(new VersionOutcome(2, true))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.axonframework.test.matchers.Matchers.predicate(e -> {
                                    List<JournalEntry> entries = ((PeriodApproved) e).entries();
                                    assertThat(entries).extracting(JournalEntry::kind)
                                            .containsExactly(EntryKind.SETTLEMENT, EntryKind.ADJUSTMENT);
                                    // the insurer owes 30.00 less: the hospital's adjustment account is credited
                                    assertThat(entries.get(1).lines()).containsExactly(
                                            JournalLine.debit("INS", AccountKind.ADJUSTMENT, new BigDecimal("30.00")),
                                            JournalLine.credit("H001", AccountKind.ADJUSTMENT, new BigDecimal("30.00")));
                                    assertThat(entries.get(1).reference()).isEqualTo("corrects 2025-12");
                                    return true;
                                }),
                                org.axonframework.test.matchers.Matchers.andNoMore())));
    }
}
