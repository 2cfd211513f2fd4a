package io.outcomepay.billing.baseline.api;

/** The events of the BaselineTable aggregate. */
public sealed interface BaselineEvent permits BaselineTablePublished {

    String tableId();

    int version();
}
