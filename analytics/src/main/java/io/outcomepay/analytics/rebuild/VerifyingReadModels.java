package io.outcomepay.analytics.rebuild;

import io.outcomepay.billing.baseline.api.BaselineTablePublished;
import io.outcomepay.billing.contract.api.ContractEvent;
import io.outcomepay.billing.encounter.api.EncounterEvent;
import io.outcomepay.billing.invoice.api.InvoiceIssued;
import io.outcomepay.billing.ledger.JournalEntry;
import io.outcomepay.billing.ledger.Ledger;
import io.outcomepay.billing.payment.api.PaymentRecorded;
import io.outcomepay.billing.period.api.PeriodApproved;
import io.outcomepay.billing.period.api.PeriodSettled;
import io.outcomepay.billing.usage.api.AiUsage;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;

import io.outcomepay.analytics.catchup.ReadModelCatchUp;
import io.outcomepay.analytics.processing.ParkedEvents;
import io.outcomepay.analytics.settlements.SettlementReadModels;
import io.outcomepay.billing.period.application.SettlingPeriod;
import io.outcomepay.billing.settlement.PricedPeriod;
import io.outcomepay.billing.settlement.SettlementEngine;
import io.outcomepay.billing.settlement.SettlementRequest;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongConsumer;

/**
 * Recomputes, from the event store alone, the totals the read models hold, and lists every
 * difference: per hospital the encounters, the voided ones and the sum of current allowed amounts
 * (encounter_view); the AI usage events (ai_usage_view); the contract versions
 * (contract_version_view); the baseline table versions (baseline_table_view); the settlement
 * revisions (settlement_view); the invoices and payments (invoice_view, payment_view); every ledger
 * account's debits and credits (ledger_line) against the journal entries the approvals and payments
 * carry; and each contract month's encounter facts (encounter_fact) against its encounters priced in memory.
 */
public class VerifyingReadModels {

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final SettlementReadModels readModels;
    private final ParkedEvents parkedEvents;
    private final ReadModelCatchUp catchUp;

    public VerifyingReadModels(EventStore eventStore, JdbcTemplate jdbc, SettlementReadModels readModels,
                               ParkedEvents parkedEvents, ReadModelCatchUp catchUp) {
        this.parkedEvents = parkedEvents;
        this.catchUp = catchUp;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.readModels = readModels;
    }

    /** One total that differs: what, its value from the events and in the read model. */
    public record Difference(String what, String fromEvents, String inReadModel) {
        @Override
        public String toString() {
            return what + ": events say " + fromEvents + ", read model has " + inReadModel;
        }
    }

    /** What was compared, what differs, and the events read models have parked (each one a known difference). */
    public record Verified(long events, List<Difference> differences, List<ParkedEvents.Parked> parked) {
        public boolean matches() {
            return differences.isEmpty() && parked.isEmpty();
        }
    }

    private static final class Encounter {
        String hospital;
        BigDecimal allowed;
        boolean voided;
    }

    /** @param progress hears how many events were read, every 100,000 */
    public Verified verify(LongConsumer progress) {
        // compared once the read models have handled what is stored now (a process just started may not have)
        catchUp.awaitIncludingParked();
        TrackingToken headToken = eventStore.createHeadToken();
        long head = headToken == null ? -1 : headToken.position().orElse(-1);
        Map<String, Encounter> encounters = new HashMap<>();
        long usage = 0;
        long contractVersions = 0;
        long baselineVersions = 0;
        long settlements = 0;
        long invoices = 0;
        long payments = 0;
        List<JournalEntry> entries = new ArrayList<>();
        long read = 0;
        if (head >= 0) {
            try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
                while (true) {
                    TrackedEventMessage<?> event = stream.nextAvailable();
                    read++;
                    Object payload = event.getPayload();
                    if (payload instanceof EncounterEvent.EncounterRecorded e) {
                        Encounter state = new Encounter();
                        state.hospital = e.hospitalId();
                        state.allowed = e.claim().allowedAmount();
                        encounters.put(e.encounterId(), state);
                    } else if (payload instanceof EncounterEvent.ClaimCorrected e) {
                        encounters.get(e.encounterId()).allowed = e.replacement().allowedAmount();
                    } else if (payload instanceof EncounterEvent.ClaimVoided e) {
                        encounters.get(e.encounterId()).voided = true;
                    } else if (payload instanceof AiUsage.AiUsageRecorded) {
                        usage++;
                    } else if (payload instanceof ContractEvent) {
                        contractVersions++;
                    } else if (payload instanceof BaselineTablePublished) {
                        baselineVersions++;
                    } else if (payload instanceof PeriodSettled) {
                        settlements++;
                    } else if (payload instanceof PeriodApproved e) {
                        entries.addAll(e.entries());
                    } else if (payload instanceof InvoiceIssued) {
                        invoices++;
                    } else if (payload instanceof PaymentRecorded e) {
                        payments++;
                        if (e.entry() != null) {
                            entries.add(e.entry());
                        }
                    }
                    if (read % 100_000 == 0) {
                        progress.accept(read);
                    }
                    if (event.trackingToken().position().orElse(Long.MAX_VALUE) >= head) {
                        break;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the event store", e);
            }
        }
        progress.accept(read);
        List<Difference> differences = new ArrayList<>();
        compareEncounters(encounters, differences);
        compare("ai_usage_view rows", usage, "select count(*) from ai_usage_view", differences);
        compare("contract_version_view rows", contractVersions, "select count(*) from contract_version_view", differences);
        compare("baseline_table_view rows", baselineVersions, "select count(*) from baseline_table_view", differences);
        compare("settlement_view rows", settlements, "select count(*) from settlement_view", differences);
        compare("invoice_view rows", invoices, "select count(*) from invoice_view", differences);
        compare("payment_view rows", payments, "select count(*) from payment_view", differences);
        compareLedger(entries, differences);
        compareFacts(differences);
        return new Verified(read, differences, parkedEvents.list(null, io.outcomepay.billing.limits.Counts.LIST_LIMIT.max()));
    }

    /** Every ledger account's debits and credits, from the journal entries the events carry, against ledger_line. */
    private void compareLedger(List<JournalEntry> entries, List<Difference> differences) {
        Map<String, String> fromEvents = new TreeMap<>();
        for (Ledger.Balance b : Ledger.of(entries).balances()) {
            fromEvents.put(b.account().contractId() + " " + b.account().party() + " " + b.account().kind() + " " + b.currency(),
                    "debits " + b.debits().stripTrailingZeros().toPlainString() + ", credits "
                            + b.credits().stripTrailingZeros().toPlainString());
        }
        Map<String, String> inTable = new TreeMap<>();
        jdbc.query("""
                select contract_id, party, account, currency, sum(debit), sum(credit) from ledger_line
                group by contract_id, party, account, currency""", rs -> {
            inTable.put(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4),
                    "debits " + rs.getBigDecimal(5).stripTrailingZeros().toPlainString() + ", credits "
                            + rs.getBigDecimal(6).stripTrailingZeros().toPlainString());
        });
        compareEach("ledger_line account ", fromEvents, inTable, "no entries", differences);
    }

    /** One difference per key whose totals differ between the events and a read model (missing: absent). */
    private static void compareEach(String what, Map<String, String> fromEvents, Map<String, String> inReadModel,
                                    String absent, List<Difference> differences) {
        TreeSet<String> keys = new TreeSet<>(fromEvents.keySet());
        keys.addAll(inReadModel.keySet());
        for (String key : keys) {
            String expected = fromEvents.getOrDefault(key, absent);
            String actual = inReadModel.getOrDefault(key, absent);
            if (!expected.equals(actual)) {
                differences.add(new Difference(what + key, expected, actual));
            }
        }
    }

    /**
     * Each contract month's encounter facts, summed as set-based settlement sums them, against its
     * encounters (checked against the events above) priced in memory by the engine.
     */
    private void compareFacts(List<Difference> differences) {
        List<String[]> months = jdbc.query("select contract_id, period from encounter_fact_month order by 1, 2",
                (rs, i) -> new String[]{rs.getString(1), rs.getString(2)});
        for (String[] month : months) {
            SettlementRequest request;
            try {
                request = SettlingPeriod.request(readModels, month[0], YearMonth.parse(month[1]), null, null);
            } catch (SettlingPeriod.SettlementRefused notPriced) {
                continue;
            }
            PricedPeriod expected = SettlementEngine.price(request);
            PricedPeriod facts = readModels.priced(request);
            if (!expected.equals(facts)) {
                differences.add(new Difference("encounter_fact of " + month[0] + " " + month[1]
                        + " (events: its encounter_view lines priced in memory)", summary(expected), summary(facts)));
            }
        }
    }

    private static String summary(PricedPeriod priced) {
        BigDecimal baseline = priced.hospitals().stream().map(PricedPeriod.HospitalTotals::baseline)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal actual = priced.hospitals().stream().map(PricedPeriod.HospitalTotals::actual)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return priced.inPeriod() + " encounters, " + priced.notEligible() + " not eligible, "
                + priced.exclusions().size() + " excluded, baseline " + baseline.toPlainString() + ", actual "
                + actual.toPlainString() + ", lines sha256 " + priced.hospitals().stream()
                .map(h -> h.hospitalId() + ":" + h.linesSha256().substring(0, 12)).toList();
    }

    private void compareEncounters(Map<String, Encounter> encounters, List<Difference> differences) {
        Map<String, String> fromEvents = new TreeMap<>();
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, BigDecimal> allowed = new TreeMap<>();
        for (Encounter e : encounters.values()) {
            long[] c = counts.computeIfAbsent(e.hospital, h -> new long[2]);
            c[0]++;
            c[1] += e.voided ? 1 : 0;
            allowed.merge(e.hospital, e.allowed, BigDecimal::add);
        }
        counts.forEach((h, c) -> fromEvents.put(h, totals(c[0], c[1], allowed.get(h))));
        Map<String, String> inView = new TreeMap<>();
        jdbc.query("""
                select hospital_id, count(*), count(*) filter (where voided), sum(allowed_amount)
                from encounter_view group by hospital_id""",
                rs -> {
                    inView.put(rs.getString(1), totals(rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4)));
                });
        compareEach("encounter_view of hospital ", fromEvents, inView, "none", differences);
    }

    private static String totals(long encounters, long voided, BigDecimal allowed) {
        return encounters + " encounters, " + voided + " voided, allowed " + allowed.stripTrailingZeros().toPlainString();
    }

    private void compare(String what, long fromEvents, String sql, List<Difference> differences) {
        Long inView = jdbc.queryForObject(sql, Long.class);
        if (inView == null || inView != fromEvents) {
            differences.add(new Difference(what, Long.toString(fromEvents), String.valueOf(inView)));
        }
    }
}
