package io.outcomepay.billing.period.application;

import java.util.Optional;

/** The invoices issued so far, by their key (read side). */
public interface InvoiceRegister {

    Optional<String> numberOf(String key);
}
