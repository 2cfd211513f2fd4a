package io.outcomepay.billing.money;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LargestRemainderTest {

    @Test
    void givesTheLeftoverCentsToTheLargestRemaindersWithTiesInKeyOrder() {
        Map<String, BigDecimal> thirds = new LinkedHashMap<>();
        thirds.put("insurer", BigDecimal.ONE);
        thirds.put("hospital", BigDecimal.ONE);
        thirds.put("vendor", BigDecimal.ONE);

        Map<String, Money> parts = LargestRemainder.split(Money.of("100.00", "USD"), thirds);

        assertThat(parts.get("insurer")).isEqualTo(Money.of("33.34", "USD"));
        assertThat(parts.get("hospital")).isEqualTo(Money.of("33.33", "USD"));
        assertThat(parts.get("vendor")).isEqualTo(Money.of("33.33", "USD"));
    }

    @Test
    void allocatesInTheCurrencysMinorUnitsForYen() {
        Map<String, BigDecimal> shares = new LinkedHashMap<>();
        shares.put("a", new BigDecimal("0.5"));
        shares.put("b", new BigDecimal("0.3"));
        shares.put("c", new BigDecimal("0.2"));

        Map<String, Money> parts = LargestRemainder.split(new Money(new BigDecimal("1001"), Currency.getInstance("JPY")), shares);

        assertThat(parts.values()).extracting(m -> m.amount().toPlainString()).containsExactly("501", "300", "200");
    }
}
