package io.outcomepay.billing.payment;

import io.outcomepay.billing.payment.api.PaymentDetails;
import io.outcomepay.billing.payment.api.PaymentRecorded;
import io.outcomepay.billing.payment.api.RecordPayment;
import io.outcomepay.billing.limits.Limits;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One payment, by payer, reference and day: recorded once; never changed. */
@Aggregate
public class Payment {

    @AggregateIdentifier
    private String paymentId;
    private PaymentDetails details;

    protected Payment() {
    }

    /** @return true when recorded now, false when it was recorded already */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(RecordPayment command) {
        Limits.payment(command.details());
        if (details != null) {
            if (details.equals(command.details())) {
                return false;
            }
            throw new PaymentConflict("payment " + command.details().reference() + " from " + command.details().payer()
                    + " on " + details.paidOn() + " was recorded with other details (" + details.amount().toPlainString() + " " + details.currency()
                    + " to " + details.payee() + " on " + details.paidOn() + "): a payment is not changed once recorded");
        }
        apply(new PaymentRecorded(command.paymentId(), command.details(), command.source(), command.invoiceNumber(),
                command.contractId(), command.entry()));
        return true;
    }

    @EventSourcingHandler
    void on(PaymentRecorded event) {
        paymentId = event.paymentId();
        details = event.details();
    }

    /** The same payer and reference with other details. */
    public static class PaymentConflict extends RuntimeException {
        public PaymentConflict(String message) {
            super(message);
        }
    }
}
