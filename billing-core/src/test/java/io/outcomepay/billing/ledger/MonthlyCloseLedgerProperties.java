package io.outcomepay.billing.ledger;

import io.outcomepay.billing.period.api.PeriodApproved;
import io.outcomepay.billing.period.api.PeriodClosed;
import io.outcomepay.billing.period.api.PeriodEvent;
import io.outcomepay.billing.period.api.PeriodSettled;
import io.outcomepay.billing.period.api.PriorPeriodAdjustment;
import io.outcomepay.billing.period.application.PeriodRecord;
import io.outcomepay.billing.period.application.PriorPeriodAdjustments;
import io.outcomepay.billing.settlement.SettlementResult;
import io.outcomepay.billing.settlement.Settlements;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of calculate / approve / close / late claim / correction / void / payment over
 * the months of one contract, with the production rules for obligations, prior-period adjustments
 * and postings; after every step: each entry balances, the debits equal the credits, the balances
 * rebuilt from the recorded events equal the running ones, cash nets to zero, and every closed
 * month's money (closed shares plus the adjustments carried by closed months) equals what its
 * latest carried resettlement said.
 */
class MonthlyCloseLedgerProperties {

    private static final YearMonth FIRST = YearMonth.of(2026, 1);
    private static final String INSURER = "INS";

    /** The contract's months and claims, the events recorded and the ledger posted so far. */
    static final class Books {
        final Map<YearMonth, Map<String, String[]>> claims = new TreeMap<>();  // month -> claim id -> {hospital, allowed}
        final Map<YearMonth, List<PeriodEvent>> events = new TreeMap<>();
        final Ledger ledger = new Ledger();
        final List<JournalEntry> posted = new ArrayList<>();
        int nextClaim;
        int payments;

        SettlementResult settle(YearMonth month) {
            Settlements.Request request = Settlements.request(Settlements.firstDollar());
            for (String[] claim : claims.getOrDefault(month, Map.of()).values()) {
                request.encounter(claim[0], "193", claim[1], "USD", true, month.atDay(15));
            }
            return request.settle(month);
        }

        List<PeriodRecord> records() {
            List<PeriodRecord> records = new ArrayList<>();
            events.forEach((m, e) -> records.add(PeriodRecord.of("C-TEST", m, e)));
            return records;
        }

        PeriodRecord record(YearMonth month) {
            return PeriodRecord.of("C-TEST", month, events.getOrDefault(month, List.of()));
        }

        YearMonth lastClosed() {
            return records().stream().filter(r -> r.closed() != null).map(PeriodRecord::period).reduce((a, b) -> b).orElse(null);
        }

        /** The month a step works on: the one after the last closed (months close in order). */
        YearMonth open() {
            YearMonth last = lastClosed();
            return last == null ? FIRST : last.plusMonths(1);
        }

        void claim(YearMonth month, String hospital, String allowed) {
            claims.computeIfAbsent(month, m -> new LinkedHashMap<>()).put("K" + nextClaim++, new String[]{hospital, allowed});
        }

        void calculate() {
            YearMonth month = open();
            PeriodRecord current = record(month);
            if (current.approval() != null) {
                return; // refused: an approved month is not recalculated
            }
            List<PriorPeriodAdjustment> adjustments = PriorPeriodAdjustments.of(records(), closed -> settle(closed.period()));
            SettlementResult result = settle(month);
            events.computeIfAbsent(month, m -> new ArrayList<>()).add(new PeriodSettled("C-TEST@" + month,
                    current.revision() + 1, result, INSURER, adjustments, "maker", "run", null));
        }

        void approve() {
            PeriodRecord current = record(open());
            if (current.latest() == null || current.approval() != null) {
                return;
            }
            Map<String, List<Obligation>> deltas = new LinkedHashMap<>();
            current.latest().adjustments().forEach(a -> deltas.put(a.correctedPeriod(), a.delta()));
            List<JournalEntry> entries = Postings.approval(current.latest().result(), INSURER, current.revision(), deltas);
            entries.forEach(this::post);
            events.get(open()).add(new PeriodApproved("C-TEST@" + open(), current.revision(),
                    current.latest().result().fingerprint(), "checker", "ok", entries, null));
        }

        void close() {
            PeriodRecord current = record(open());
            if (current.approval() == null) {
                return;
            }
            events.get(open()).add(new PeriodClosed("C-TEST@" + open(), current.revision(),
                    current.latest().result().fingerprint(), "controller", "closed", List.of(), 0, "head"));
        }

        /** The insurer pays part of what a hospital is owed. */
        void pay(String hospital, BigDecimal amount) {
            post(Postings.payment("P" + payments++, "C-TEST", open().toString(), "INV", false, INSURER, hospital, "USD", amount));
        }

        void post(JournalEntry entry) {
            ledger.post(entry);
            posted.add(entry);
        }
    }

    @Property(tries = 60)
    void theLedgerBalancesAndIsRebuiltFromTheEventsAfterEveryStep(@ForAll("steps") ActionChain<Books> chain) {
        chain.withInvariant(MonthlyCloseLedgerProperties::invariants).run();
    }

    static void invariants(Books books) {
        for (JournalEntry entry : books.ledger.entries()) {
            assertThat(entry.debits()).isEqualByComparingTo(entry.credits());
        }
        assertThat(books.ledger.totalDebits()).isEqualByComparingTo(books.ledger.totalCredits());
        List<JournalEntry> fromEvents = new ArrayList<>();
        books.events.values().forEach(events -> events.stream().filter(PeriodApproved.class::isInstance)
                .forEach(e -> fromEvents.addAll(((PeriodApproved) e).entries())));
        books.posted.stream().filter(e -> e.kind() == EntryKind.PAYMENT).forEach(fromEvents::add);
        assertThat(Ledger.of(fromEvents).balances()).containsExactlyInAnyOrderElementsOf(books.ledger.balances());
        BigDecimal cash = books.ledger.balances().stream().filter(b -> b.account().kind() == AccountKind.CASH)
                .map(Ledger.Balance::balance).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(cash).isEqualByComparingTo("0");
        // a closed month's money: its closed shares plus the deltas carried by closed months equal the latest carried resettlement
        List<PeriodRecord> records = books.records();
        for (PeriodRecord closed : records) {
            if (closed.closed() == null) {
                continue;
            }
            List<List<Obligation>> parts = new ArrayList<>();
            parts.add(closed.obligations());
            List<Obligation> latest = closed.obligations();
            for (PeriodRecord carrier : records) {
                if (carrier.closed() != null) {
                    for (PriorPeriodAdjustment a : carrier.latest().adjustments()) {
                        if (a.correctedPeriod().equals(closed.period().toString())) {
                            parts.add(a.delta());
                            latest = a.resettled();
                        }
                    }
                }
            }
            assertThat(Obligations.sum(parts)).isEqualTo(latest);
        }
    }

    @Provide
    Arbitrary<ActionChain<Books>> steps() {
        return ActionChain.startWith(Books::new)
                .withAction(3, new Claim(false))
                .withAction(2, new Claim(true))
                .withAction(new Correction(false))
                .withAction(new Correction(true))
                .withAction(3, new Step("calculate", Books::calculate))
                .withAction(2, new Step("approve", Books::approve))
                .withAction(2, new Step("close", Books::close))
                .withAction(new Payment())
                .withMaxTransformations(40);
    }

    private static Arbitrary<String> allowed() {
        // around the DRG 193 baseline of 8543.60: savings, losses, outliers both ways
        return Arbitraries.integers().between(300_000, 1_200_000).map(c -> BigDecimal.valueOf(c, 2).toPlainString());
    }

    /** A lifecycle step on the open month (refused steps change nothing, as the aggregate refuses them). */
    record Step(String name, java.util.function.Consumer<Books> step) implements Action.Independent<Books> {
        @Override
        public Arbitrary<Transformer<Books>> transformer() {
            return Arbitraries.just(Transformer.mutate(name, step));
        }
    }

    /** A new claim in the open month, or a late one in a closed month. */
    record Claim(boolean late) implements Action.Independent<Books> {
        @Override
        public Arbitrary<Transformer<Books>> transformer() {
            return Arbitraries.of("H001", "H002").flatMap(h -> allowed().map(a -> Transformer.mutate(
                    (late ? "late claim " : "claim ") + h + " " + a, books -> {
                        YearMonth month = late && books.lastClosed() != null ? books.lastClosed() : books.open();
                        books.claim(month, h, a);
                    })));
        }
    }

    /** A correction (a new allowed amount) or a void of a claim of any month. */
    record Correction(boolean voiding) implements Action.Independent<Books> {
        @Override
        public Arbitrary<Transformer<Books>> transformer() {
            return Arbitraries.integers().between(0, 1000).flatMap(pick -> allowed().map(a -> Transformer.mutate(
                    (voiding ? "void " : "correction ") + pick + " to " + a, books -> {
                        List<Map<String, String[]>> months = new ArrayList<>(books.claims.values());
                        List<String[]> keys = new ArrayList<>();
                        for (Map<String, String[]> m : months) {
                            m.keySet().forEach(k -> keys.add(new String[]{k}));
                        }
                        if (keys.isEmpty()) {
                            return;
                        }
                        String key = keys.get(pick % keys.size())[0];
                        for (Map<String, String[]> m : months) {
                            if (m.containsKey(key)) {
                                if (voiding) {
                                    m.remove(key);
                                } else {
                                    m.get(key)[1] = a;
                                }
                            }
                        }
                    })));
        }
    }

    /** The insurer pays a hospital something. */
    static final class Payment implements Action.Independent<Books> {
        @Override
        public Arbitrary<Transformer<Books>> transformer() {
            return Arbitraries.of("H001", "H002").flatMap(h -> Arbitraries.integers().between(1, 50_000).map(c ->
                    Transformer.mutate("payment to " + h + " " + BigDecimal.valueOf(c, 2),
                            books -> books.pay(h, BigDecimal.valueOf(c, 2)))));
        }
    }
}
