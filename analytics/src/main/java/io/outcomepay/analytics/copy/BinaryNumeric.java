package io.outcomepay.analytics.copy;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * PostgreSQL's binary form of a numeric: digit count, weight, sign and display scale (16 bits
 * each), then the digits in base 10,000, most significant first, the first one at 10,000^weight.
 * Exact for every BigDecimal; the display scale is the BigDecimal's scale (0 for a negative one),
 * so 100.00 reads back as 100.00. Amounts whose unscaled value fits a long are split by
 * arithmetic, without a BigInteger.
 */
final class BinaryNumeric {

    private static final int NEGATIVE = 0x4000;
    private static final long[] POWERS_OF_TEN = {1, 10, 100, 1000};

    private BinaryNumeric() {
    }

    /** Writes the value's bytes (without the length) to the buffer; returns how many. */
    static int write(BigDecimal value, byte[] out, int at) {
        BigDecimal v = value.scale() < 0 ? value.setScale(0) : value;
        int scale = v.scale();
        // align the fraction to whole base-10,000 digits: scale up to a multiple of 4
        int pad = (4 - scale % 4) % 4;
        BigInteger unscaled = v.unscaledValue();
        short[] groups;
        int count;
        if (unscaled.bitLength() < 53) { // times 1,000 still fits a long
            long u = Math.abs(unscaled.longValue()) * POWERS_OF_TEN[pad];
            groups = new short[6];
            count = 0;
            while (u != 0) {
                groups[count++] = (short) (u % 10_000);
                u /= 10_000;
            }
        } else {
            String digits = unscaled.abs().toString() + "000".substring(0, pad);
            groups = new short[digits.length() / 4 + 1];
            count = 0;
            for (int end = digits.length(); end > 0; end -= 4) {
                groups[count++] = Short.parseShort(digits.substring(Math.max(0, end - 4), end));
            }
        }
        // groups[0] is the least significant; (scale + pad) / 4 of them are after the point
        int fractionGroups = (scale + pad) / 4;
        int low = 0;
        while (low < count && groups[low] == 0) {
            low++;
        }
        int ndigits = count - low;
        int weight = ndigits == 0 ? 0 : count - fractionGroups - 1;
        int p = at;
        p = int2(out, p, ndigits);
        p = int2(out, p, weight);
        p = int2(out, p, unscaled.signum() < 0 ? NEGATIVE : 0);
        p = int2(out, p, scale);
        for (int i = count - 1; i >= low; i--) {
            p = int2(out, p, groups[i]);
        }
        return p - at;
    }

    /** The most bytes a value can take. */
    static int maxLength(BigDecimal value) {
        int digits = value.scale() < 0 ? value.precision() - value.scale() : value.precision();
        return 8 + 2 * (digits / 4 + 3);
    }

    private static int int2(byte[] out, int at, int v) {
        out[at] = (byte) (v >>> 8);
        out[at + 1] = (byte) v;
        return at + 2;
    }
}
