package io.outcomepay.analytics.copy;

import org.junit.jupiter.api.Test;
import org.postgresql.util.ByteConverter;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class BinaryNumericTest {

    /** What PostgreSQL reads back from the bytes, through the JDBC driver's own decoder. */
    private static BigDecimal decoded(BigDecimal value) {
        byte[] out = new byte[BinaryNumeric.maxLength(value)];
        int n = BinaryNumeric.write(value, out, 0);
        return (BigDecimal) ByteConverter.numeric(Arrays.copyOf(out, n));
    }

    @Test
    void amountsKeepTheirValueAndScale() {
        assertThat(decoded(new BigDecimal("18586.15"))).isEqualTo(new BigDecimal("18586.15"));
        assertThat(decoded(new BigDecimal("100.00"))).isEqualTo(new BigDecimal("100.00"));
        assertThat(decoded(new BigDecimal("0.00"))).isEqualTo(new BigDecimal("0.00"));
        assertThat(decoded(new BigDecimal("-0.05"))).isEqualTo(new BigDecimal("-0.05"));
        assertThat(decoded(new BigDecimal("2.4222"))).isEqualTo(new BigDecimal("2.4222"));
        assertThat(decoded(new BigDecimal("1E+7"))).isEqualTo(new BigDecimal("10000000"));
        assertThat(decoded(new BigDecimal("123456789012345678901234567890.123456789")))
                .isEqualTo(new BigDecimal("123456789012345678901234567890.123456789"));
    }

    @Test
    void theBytesAreTheDriversForEveryValue() {
        Random random = new Random(20261201L);
        List<BigDecimal> values = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            BigInteger unscaled = new BigInteger(1 + random.nextInt(120), random);
            values.add(new BigDecimal(random.nextBoolean() ? unscaled : unscaled.negate(), random.nextInt(24) - 4));
        }
        for (BigDecimal value : values) {
            BigDecimal expected = value.scale() < 0 ? value.setScale(0) : value;
            if (expected.signum() == 0) {
                // the driver writes zero's weight as -1, PostgreSQL as 0: both read as zero
                assertThat(decoded(value)).isEqualTo(expected);
                continue;
            }
            byte[] out = new byte[BinaryNumeric.maxLength(value)];
            int n = BinaryNumeric.write(value, out, 0);
            assertThat(Arrays.copyOf(out, n)).as(value.toPlainString()).isEqualTo(ByteConverter.numeric(expected));
        }
    }
}
