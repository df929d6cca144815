/** Invoices: built from subscription items and pending (proration) items, finalized, then paid or failed. */
import type { Fake } from "./context.ts";
import { nextInvoiceNumber } from "./customer-builder.ts";
import { type PaymentResult, pay } from "./payments.ts";
import type {
  Customer,
  Invoice,
  InvoiceLine,
  PaymentMethod,
  PendingItem,
  Subscription,
  SubscriptionItem,
} from "./types.ts";

const DAY = 86_400;
/** Stripe's default smart-retry-like schedule: 3, 5 and 7 days after the previous failed attempt; 4 attempts in all. */
export const RETRY_DAYS = [3, 5, 7];

function money(amount: number, currency: string): string {
  return `${currency === "usd" ? "$" : `${currency.toUpperCase()} `}${(amount / 100).toFixed(2)}`;
}

export function itemLine(
  fx: Fake,
  sub: Subscription,
  item: SubscriptionItem,
  start: number,
  end: number,
  zero = false,
) {
  const price = item.price;
  const product = fx.store.find(price.product);
  const name = (product?.name as string | undefined) ?? price.product;
  const amount = zero ? 0 : (price.unit_amount ?? 0) * item.quantity;
  const every = price.recurring ? ` / ${price.recurring.interval}` : "";
  const description = zero
    ? `Trial period for ${name}`
    : `${item.quantity} × ${name} (at ${money(price.unit_amount ?? 0, price.currency)}${every})`;
  return line(fx, {
    amount,
    currency: price.currency,
    description,
    period: { start, end },
    quantity: item.quantity,
    price: price.id,
    product: price.product,
    parent: {
      type: "subscription_item_details",
      invoice_item_details: null,
      subscription_item_details: {
        invoice_item: null,
        proration: false,
        proration_details: { credited_items: null },
        subscription: sub.id,
        subscription_item: item.id,
      },
    },
  });
}

export function pendingLine(fx: Fake, item: PendingItem) {
  return line(fx, {
    ...item,
    product: fx.store.find(item.price)?.product as string,
    parent: {
      type: "subscription_item_details",
      invoice_item_details: null,
      subscription_item_details: {
        invoice_item: item.id,
        proration: true,
        proration_details: { credited_items: null },
        subscription: item.subscription,
        subscription_item: item.subscription_item,
      },
    },
  });
}

function line(
  fx: Fake,
  l: {
    amount: number;
    currency: string;
    description: string;
    period: { start: number; end: number };
    quantity: number;
    price: string;
    product: string;
    parent: unknown;
  },
): InvoiceLine {
  return {
    id: fx.store.newId("il"),
    object: "line_item",
    invoice: "",
    amount: l.amount,
    currency: l.currency,
    description: l.description,
    discount_amounts: [],
    discountable: true,
    discounts: [],
    livemode: false,
    metadata: {},
    parent: l.parent,
    period: l.period,
    pretax_credit_amounts: [],
    pricing: {
      type: "price_details",
      price_details: { price: l.price, product: l.product },
      unit_amount_decimal: null,
    },
    quantity: l.quantity,
    subtotal: l.amount,
    taxes: [],
  };
}

export interface InvoiceDraft {
  customer: string;
  subscription: Subscription | null;
  lines: InvoiceLine[];
  reason: string;
  period: { start: number; end: number };
  currency: string;
}

/** The invoice object without storing it (create_preview uses this too). */
export function buildInvoice(fx: Fake, draft: InvoiceDraft, id: string): Invoice {
  const customer = fx.store.get<Customer>(draft.customer, "customer");
  const total = draft.lines.reduce((sum, l) => sum + l.amount, 0);
  const now = fx.store.now(customer.id);
  return {
    id,
    object: "invoice",
    account_country: "US",
    account_name: "Quarry (Stripe fake)",
    amount_due: Math.max(total, 0),
    amount_overpaid: 0,
    amount_paid: 0,
    amount_remaining: Math.max(total, 0),
    amount_shipping: 0,
    attempt_count: 0,
    attempted: false,
    auto_advance: true,
    automatic_tax: { enabled: false, liability: null, status: null, disabled_reason: null, provider: null },
    billing_reason: draft.reason,
    collection_method: "charge_automatically",
    created: now,
    currency: draft.currency,
    customer: customer.id,
    customer_email: customer.email,
    customer_name: customer.name,
    default_payment_method: null,
    description: null,
    discounts: [],
    due_date: null,
    effective_at: null,
    ending_balance: null,
    hosted_invoice_url: null,
    invoice_pdf: null,
    issuer: { type: "self" },
    last_finalization_error: null,
    lines: {
      object: "list",
      data: draft.lines.map((l) => ({ ...l, invoice: id })),
      has_more: false,
      url: `/v1/invoices/${id}/lines`,
    },
    livemode: false,
    metadata: {},
    next_payment_attempt: null,
    number: null,
    parent: draft.subscription
      ? {
          type: "subscription_details",
          subscription_details: {
            subscription: draft.subscription.id,
            metadata: { ...draft.subscription.metadata },
          },
        }
      : null,
    period_end: draft.period.end,
    period_start: draft.period.start,
    starting_balance: 0,
    status: "draft",
    status_transitions: { finalized_at: null, marked_uncollectible_at: null, paid_at: null, voided_at: null },
    subtotal: total,
    subtotal_excluding_tax: total,
    test_clock: customer.test_clock,
    total,
    total_excluding_tax: total,
    total_taxes: [],
    webhooks_delivered_at: null,
  };
}

/** Creates, emits invoice.created, finalizes (invoice.finalized). Pending items of the subscription are consumed. */
export function issueInvoice(fx: Fake, draft: InvoiceDraft): Invoice {
  const invoice = fx.store.put(buildInvoice(fx, draft, fx.store.newId("in")));
  if (draft.subscription) draft.subscription.latest_invoice = invoice.id;
  fx.bus.emit("invoice.created", invoice);
  const base = fx.store.baseUrl();
  Object.assign(invoice, {
    status: invoice.amount_due === 0 ? "paid" : "open",
    number: nextInvoiceNumber(fx.store.get<Customer>(invoice.customer, "customer")),
    hosted_invoice_url: `${base}/invoices/${invoice.id}`,
    invoice_pdf: `${base}/invoices/${invoice.id}/pdf`,
    effective_at: invoice.created,
  });
  invoice.status_transitions.finalized_at = fx.store.now(invoice.customer);
  if (invoice.amount_due === 0) {
    invoice.status = "open";
    fx.bus.emit("invoice.finalized", invoice);
    markPaid(fx, invoice);
  } else {
    fx.bus.emit("invoice.finalized", invoice);
  }
  return invoice;
}

function markPaid(fx: Fake, invoice: Invoice) {
  const now = fx.store.now(invoice.customer);
  Object.assign(invoice, {
    status: "paid",
    amount_paid: invoice.amount_due,
    amount_remaining: 0,
    next_payment_attempt: null,
  });
  invoice.status_transitions.paid_at = now;
  fx.bus.emit("invoice.paid", invoice);
  fx.bus.emit("invoice.payment_succeeded", invoice);
}

export type InvoiceOutcome = "paid" | "failed" | "requires_action";

/** One payment attempt on an open invoice with the given card; updates attempt_count and next_payment_attempt. */
export function attemptInvoice(
  fx: Fake,
  invoice: Invoice,
  pm: PaymentMethod | null,
  options: { offSession: boolean; authenticated?: boolean },
): { outcome: InvoiceOutcome; payment: PaymentResult | null } {
  if (invoice.status === "paid") return { outcome: "paid", payment: null };
  const now = fx.store.now(invoice.customer);
  const payment = pay(fx, {
    amount: invoice.amount_due,
    currency: invoice.currency,
    customer: invoice.customer,
    paymentMethod: pm,
    offSession: options.offSession,
    metadata: {},
    description:
      invoice.billing_reason === "subscription_create" ? "Subscription creation" : "Subscription update",
    authenticated: options.authenticated ?? false,
  });
  invoice.attempt_count += 1;
  invoice.attempted = true;
  fx.store.put({
    id: fx.store.newId("inpay"),
    object: "invoice_payment",
    amount_paid: payment.intent.status === "succeeded" ? invoice.amount_due : null,
    amount_requested: invoice.amount_due,
    created: now,
    currency: invoice.currency,
    invoice: invoice.id,
    is_default: true,
    livemode: false,
    payment: { type: "payment_intent", payment_intent: payment.intent.id },
    status: payment.intent.status === "succeeded" ? "paid" : "open",
    status_transitions: { canceled_at: null, paid_at: payment.intent.status === "succeeded" ? now : null },
  });
  if (payment.intent.status === "succeeded") {
    markPaid(fx, invoice);
    return { outcome: "paid", payment };
  }
  const delay = RETRY_DAYS[invoice.attempt_count - 1];
  invoice.next_payment_attempt = delay === undefined ? null : now + delay * DAY;
  if (payment.intent.status === "requires_action") {
    fx.bus.emit("invoice.payment_action_required", invoice);
    return { outcome: "requires_action", payment };
  }
  fx.bus.emit("invoice.payment_failed", invoice);
  return { outcome: "failed", payment };
}
