/** Money (BigDecimal at the currency's scale) and exact allocation. Rounding: half up, stated per step. */
package io.outcomepay.billing.money;
