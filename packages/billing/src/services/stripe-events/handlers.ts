import { chargeRefunded, disputeCreated } from "./charge-history.ts";
import { checkoutCompleted } from "./checkout-completed.ts";
import type { StripeEventHandler } from "./handler.ts";
import { invoicePaid } from "./invoice-paid.ts";
import { invoicePaymentFailed } from "./invoice-payment-failed.ts";
import { subscriptionChanged } from "./subscription-changed.ts";

/** The event types Quarry acts on; every other type is stored and marked processed as ignored. */
export const stripeEventHandlers: Readonly<Record<string, StripeEventHandler>> = {
  "checkout.session.completed": checkoutCompleted,
  "invoice.paid": invoicePaid,
  "invoice.payment_failed": invoicePaymentFailed,
  "customer.subscription.created": subscriptionChanged,
  "customer.subscription.updated": subscriptionChanged,
  "customer.subscription.deleted": subscriptionChanged,
  "charge.refunded": chargeRefunded,
  "charge.dispute.created": disputeCreated,
};
