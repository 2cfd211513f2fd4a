package io.outcomepay.billing.ledger;

import io.outcomepay.billing.settlement.SettlementResult;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who owes whom after a contract month's settlement, and what changed between two settlements of
 * the same month. On savings the insurer owes each hospital its hospital share and each vendor the
 * vendor's share of every hospital; on a shared loss each hospital and vendor owes the insurer.
 * Amounts come from the settlement's rows, already split to the cent by largest remainder, so the
 * obligations of a party sum to its share in the TOTAL row exactly.
 */
public final class Obligations {

    private static final Comparator<Obligation> ORDER = Comparator.comparing(Obligation::payer)
            .thenComparing(Obligation::payee);

    private Obligations() {
    }

    /** One obligation per payer and payee with a non-zero amount, sorted by payer then payee. */
    public static List<Obligation> of(SettlementResult result, String insurer) {
        Map<String, BigDecimal> net = new LinkedHashMap<>();
        for (SettlementResult.Row row : result.hospitals()) {
            add(net, insurer, row.hospitalId(), row.hospital());
            row.vendors().forEach((vendor, amount) -> add(net, insurer, vendor, amount));
        }
        return owed(list(net));
    }

    /**
     * What the contract's withhold kept back from each receiving party: the withheld total
     * <pre>
     * W = round_half_up(min(shareable x final_share_rate, savings_cap)) - earned     (0 when the cap binds)
     * </pre>
     * allocated over the parties in proportion to their amounts in the pool (each hospital's
     * hospital share, each vendor's share, the insurer's own) by largest remainder; the insurer's
     * own part is left out (it withholds from no one). Empty without savings or withhold.
     */
    public static List<Obligation> withheld(SettlementResult result, String insurer) {
        BigDecimal shareable = step(result, "shareable");
        BigDecimal share = step(result, "final_share_rate");
        BigDecimal cap = step(result, "savings_cap");
        BigDecimal earned = step(result, "earned");
        if (shareable == null || share == null || cap == null || earned == null || earned.signum() <= 0) {
            return List.of();
        }
        java.util.Currency currency = java.util.Currency.getInstance(result.currency());
        BigDecimal withheld = shareable.multiply(share).min(cap)
                .setScale(currency.getDefaultFractionDigits(), java.math.RoundingMode.HALF_UP).subtract(earned);
        if (withheld.signum() <= 0) {
            return List.of();
        }
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        weights.put(insurer, result.total().insurer());
        for (SettlementResult.Row row : result.hospitals()) {
            weights.merge(row.hospitalId(), row.hospital(), BigDecimal::add);
            row.vendors().forEach((vendor, amount) -> weights.merge(vendor, amount, BigDecimal::add));
        }
        Map<String, BigDecimal> positive = new LinkedHashMap<>();
        weights.forEach((party, amount) -> positive.put(party, amount.max(BigDecimal.ZERO)));
        Map<String, BigDecimal> net = new LinkedHashMap<>();
        io.outcomepay.billing.money.LargestRemainder.split(new io.outcomepay.billing.money.Money(withheld, currency), positive)
                .forEach((party, part) -> {
                    if (!party.equals(insurer)) {
                        add(net, insurer, party, part.amount());
                    }
                });
        return list(net);
    }

    private static BigDecimal step(SettlementResult result, String name) {
        return result.trace().stream().filter(s -> s.name().equals(name)).map(SettlementResult.TraceStep::value)
                .findFirst().map(BigDecimal::new).orElse(null);
    }

    /**
     * What the payers owe now beyond what they owed before, per pair of parties, in the direction the
     * pair had before (a new pair: the direction it has now). Zero changes are left out.
     */
    public static List<Obligation> delta(List<Obligation> before, List<Obligation> now) {
        Map<String, BigDecimal> net = new LinkedHashMap<>();
        for (Obligation o : before) {
            add(net, o.payer(), o.payee(), o.amount().negate());
        }
        for (Obligation o : now) {
            add(net, o.payer(), o.payee(), o.amount());
        }
        return list(net);
    }

    /** The sum of several lists of obligations of the same month (a closed result and the adjustments carried since), as owed. */
    public static List<Obligation> sum(List<List<Obligation>> lists) {
        Map<String, BigDecimal> net = new LinkedHashMap<>();
        for (List<Obligation> list : lists) {
            for (Obligation o : list) {
                add(net, o.payer(), o.payee(), o.amount());
            }
        }
        return owed(list(net));
    }

    /** Adds payer owes payee amount to the net amounts, kept under the pair's first direction. */
    private static void add(Map<String, BigDecimal> net, String payer, String payee, BigDecimal amount) {
        String forward = payer + "\u0000" + payee;
        String backward = payee + "\u0000" + payer;
        if (net.containsKey(backward)) {
            net.merge(backward, amount.negate(), BigDecimal::add);
        } else {
            net.merge(forward, amount, BigDecimal::add);
        }
    }

    private static List<Obligation> list(Map<String, BigDecimal> net) {
        List<Obligation> obligations = new ArrayList<>();
        new TreeMap<>(net).forEach((pair, amount) -> {
            if (amount.signum() != 0) {
                String[] parties = pair.split("\u0000");
                obligations.add(new Obligation(parties[0], parties[1], amount));
            }
        });
        obligations.sort(ORDER);
        return List.copyOf(obligations);
    }

    /** Positive amounts as they are; a negative one turned around (the other party owes it). */
    public static List<Obligation> owed(List<Obligation> obligations) {
        List<Obligation> owed = new ArrayList<>();
        for (Obligation o : obligations) {
            owed.add(o.amount().signum() >= 0 ? o : new Obligation(o.payee(), o.payer(), o.amount().negate()));
        }
        owed.sort(ORDER);
        return List.copyOf(owed);
    }
}
