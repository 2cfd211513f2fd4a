package io.outcomepay.billing.money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits an amount into parts proportional to weights, in whole minor units, so that the parts
 * sum exactly to the amount. Each part first gets the floor of its exact share; the minor units
 * left over go one each to the largest remainders, ties to the earlier key in the map's order.
 * Every part is within one minor unit of its exact share. Exact integer arithmetic throughout.
 */
public final class LargestRemainder {

    private LargestRemainder() {
    }

    public static <K> Map<K, Money> split(Money total, Map<K, BigDecimal> weights) {
        if (total.amount().signum() < 0) {
            throw new IllegalArgumentException("cannot split a negative amount: " + total);
        }
        List<K> keys = new ArrayList<>(weights.keySet());
        int scale = weights.values().stream().mapToInt(w -> Math.max(w.scale(), 0)).max().orElse(0);
        List<BigInteger> units = new ArrayList<>();
        BigInteger sum = BigInteger.ZERO;
        for (K key : keys) {
            BigDecimal weight = weights.get(key);
            if (weight.signum() < 0) {
                throw new IllegalArgumentException("negative weight for " + key + ": " + weight);
            }
            BigInteger unit = weight.setScale(scale).unscaledValue();
            units.add(unit);
            sum = sum.add(unit);
        }
        Map<K, Money> parts = new LinkedHashMap<>();
        if (sum.signum() == 0) {
            if (!total.isZero()) {
                throw new IllegalArgumentException("cannot split " + total + " over weights that sum to zero");
            }
            keys.forEach(k -> parts.put(k, total));
            return parts;
        }
        BigInteger amount = BigInteger.valueOf(total.minorUnits());
        long[] floors = new long[keys.size()];
        BigInteger[] remainders = new BigInteger[keys.size()];
        long allocated = 0;
        for (int i = 0; i < keys.size(); i++) {
            BigInteger[] qr = amount.multiply(units.get(i)).divideAndRemainder(sum);
            floors[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            allocated += floors[i];
        }
        long left = amount.longValueExact() - allocated;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer, BigInteger>comparing(i -> remainders[i]).reversed()
                .thenComparing(i -> i));
        for (int i = 0; i < left; i++) {
            floors[order.get(i)]++;
        }
        for (int i = 0; i < keys.size(); i++) {
            parts.put(keys.get(i), Money.ofMinorUnits(floors[i], total.currency()));
        }
        return parts;
    }
}
