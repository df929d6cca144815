/** Subscription lifecycle: start (with trial or first invoice), prorations, renewal, payment outcomes, cancel. */
import type { Fake } from "./context.ts";
import { attemptInvoice, type InvoiceDraft, issueInvoice, itemLine, pendingLine } from "./invoicing.ts";
import type {
  Customer,
  Invoice,
  PaymentMethod,
  PendingItem,
  Price,
  Recurring,
  Subscription,
  SubscriptionItem,
} from "./types.ts";

export function addInterval(ts: number, recurring: Recurring): number {
  const count = recurring.interval_count;
  if (recurring.interval === "day") return ts + count * 86_400;
  if (recurring.interval === "week") return ts + count * 7 * 86_400;
  const d = new Date(ts * 1000);
  const months = recurring.interval === "year" ? 12 * count : count;
  const target = new Date(
    Date.UTC(
      d.getUTCFullYear(),
      d.getUTCMonth() + months,
      1,
      d.getUTCHours(),
      d.getUTCMinutes(),
      d.getUTCSeconds(),
    ),
  );
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return Math.floor(target.getTime() / 1000);
}

export function periodOf(sub: Subscription): { start: number; end: number } {
  const item = sub.items.data[0];
  return { start: item?.current_period_start ?? 0, end: item?.current_period_end ?? 0 };
}

function recurringOf(price: Price): Recurring {
  return price.recurring ?? { interval: "month", interval_count: 1, trial_period_days: null };
}

export function paymentMethodFor(
  fx: Fake,
  sub: Subscription | null,
  customerId: string,
): PaymentMethod | null {
  const customer = fx.store.get<Customer>(customerId, "customer");
  const id = sub?.default_payment_method ?? customer.invoice_settings.default_payment_method;
  return id ? ((fx.store.find(id) as PaymentMethod | undefined) ?? null) : null;
}

export function takePending(fx: Fake, subId: string): PendingItem[] {
  const taken = fx.store.pendingItems.filter((p) => p.subscription === subId);
  fx.store.pendingItems.splice(
    0,
    fx.store.pendingItems.length,
    ...fx.store.pendingItems.filter((p) => p.subscription !== subId),
  );
  return taken;
}

export function setPeriod(sub: Subscription, start: number, end: number) {
  for (const item of sub.items.data)
    Object.assign(item, { current_period_start: start, current_period_end: end });
}

function setStatus(
  fx: Fake,
  sub: Subscription,
  status: Subscription["status"],
  extra: Partial<Subscription> = {},
) {
  const previous: Record<string, unknown> = {};
  if (sub.status !== status) previous.status = sub.status;
  for (const key of Object.keys(extra)) previous[key] = sub[key];
  if (Object.keys(previous).length === 0) return;
  Object.assign(sub, extra, { status });
  if (status === "canceled") fx.bus.emit("customer.subscription.deleted", sub);
  else fx.bus.emit("customer.subscription.updated", sub, previous);
}

/** Pending (proration) items of the subscription, then its items for the current period unless left out. */
export function invoiceDraft(
  fx: Fake,
  sub: Subscription,
  reason: string,
  options: { zero?: boolean; items?: boolean } = {},
): InvoiceDraft {
  const { start, end } = periodOf(sub);
  const pending = takePending(fx, sub.id).map((p) => pendingLine(fx, p));
  const withItems = options.items ?? reason !== "subscription_update";
  const items = withItems ? sub.items.data.map((i) => itemLine(fx, sub, i, start, end, options.zero)) : [];
  return {
    customer: sub.customer,
    subscription: sub,
    lines: [...pending, ...items],
    reason,
    period: { start, end },
    currency: sub.currency,
  };
}

/** Attempts an invoice of this subscription and moves the subscription as Stripe does on the outcome. */
export function collect(fx: Fake, invoice: Invoice, sub: Subscription | null, authenticated = false) {
  const pm = paymentMethodFor(fx, sub, invoice.customer);
  const result = attemptInvoice(fx, invoice, pm, { offSession: false, authenticated });
  if (sub) settle(fx, sub, invoice);
  return result;
}

export function settle(fx: Fake, sub: Subscription, invoice: Invoice) {
  if (sub.status === "canceled") return;
  if (invoice.status === "paid") {
    const open = fx.store
      .all<Invoice>("invoice")
      .some((i) => i.status === "open" && i.parent?.subscription_details.subscription === sub.id);
    if (!open)
      setStatus(fx, sub, sub.trial_end && sub.trial_end > fx.store.now(sub.customer) ? "trialing" : "active");
    return;
  }
  if (sub.status === "incomplete") return;
  if (invoice.next_payment_attempt === null && invoice.attempt_count > 0 && invoice.attempt_count > 3) {
    const now = fx.store.now(sub.customer);
    if (fx.afterFinalFailure === "canceled")
      setStatus(fx, sub, "canceled", { canceled_at: now, ended_at: now });
    else setStatus(fx, sub, fx.afterFinalFailure);
    return;
  }
  setStatus(fx, sub, "past_due");
}

export interface NewSubscription {
  customer: string;
  items: { price: Price; quantity: number; metadata: Record<string, string> }[];
  metadata: Record<string, string>;
  trialEnd: number | null;
  defaultPaymentMethod: string | null;
  cancelAtPeriodEnd: boolean;
  paymentBehavior:
    | "allow_incomplete"
    | "default_incomplete"
    | "error_if_incomplete"
    | "pending_if_incomplete";
  authenticated?: boolean;
}

export function createSubscription(
  fx: Fake,
  input: NewSubscription,
): { sub: Subscription; invoice: Invoice } {
  const customer = fx.store.get<Customer>(input.customer, "customer");
  const now = fx.store.now(customer.id);
  const id = fx.store.newId("sub");
  const first = input.items[0]?.price as Price;
  const end = input.trialEnd ?? addInterval(now, recurringOf(first));
  const items: SubscriptionItem[] = input.items.map((i) => ({
    id: fx.store.newId("si"),
    object: "subscription_item",
    billing_thresholds: null,
    created: now,
    current_period_end: end,
    current_period_start: now,
    discounts: [],
    metadata: i.metadata,
    plan: {
      id: i.price.id,
      object: "plan",
      amount: i.price.unit_amount,
      currency: i.price.currency,
      interval: recurringOf(i.price).interval,
      interval_count: recurringOf(i.price).interval_count,
      product: i.price.product,
      active: true,
      livemode: false,
      usage_type: "licensed",
      billing_scheme: "per_unit",
    },
    price: i.price,
    quantity: i.quantity,
    subscription: id,
    tax_rates: [],
  }));
  const sub = fx.store.put<Subscription>({
    id,
    object: "subscription",
    application: null,
    application_fee_percent: null,
    automatic_tax: { enabled: false, liability: null, disabled_reason: null },
    billing_cycle_anchor: end,
    billing_mode: { type: "flexible", flexible: { proration_discounts: "included" } },
    cancel_at: input.cancelAtPeriodEnd ? end : null,
    cancel_at_period_end: input.cancelAtPeriodEnd,
    canceled_at: input.cancelAtPeriodEnd ? now : null,
    cancellation_details: {
      comment: null,
      feedback: null,
      reason: input.cancelAtPeriodEnd ? "cancellation_requested" : null,
    },
    collection_method: "charge_automatically",
    created: now,
    currency: first.currency,
    customer: customer.id,
    days_until_due: null,
    default_payment_method: input.defaultPaymentMethod,
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: [],
    ended_at: null,
    invoice_settings: { account_tax_ids: null, issuer: { type: "self" } },
    items: { object: "list", data: items, has_more: false, url: `/v1/subscription_items?subscription=${id}` },
    latest_invoice: null,
    livemode: false,
    metadata: input.metadata,
    next_pending_invoice_item_invoice: null,
    on_behalf_of: null,
    pause_collection: null,
    payment_settings: {
      payment_method_options: null,
      payment_method_types: null,
      save_default_payment_method: "off",
    },
    pending_invoice_item_interval: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: null,
    start_date: now,
    status: input.trialEnd ? "trialing" : "incomplete",
    test_clock: customer.test_clock,
    transfer_data: null,
    trial_end: input.trialEnd,
    trial_settings: { end_behavior: { missing_payment_method: "create_invoice" } },
    trial_start: input.trialEnd ? now : null,
  });
  if (!input.trialEnd) sub.billing_cycle_anchor = now;
  const invoice = issueInvoice(
    fx,
    invoiceDraft(fx, sub, "subscription_create", { zero: input.trialEnd !== null }),
  );
  if (invoice.status !== "paid" && input.paymentBehavior !== "default_incomplete") {
    const pm = paymentMethodFor(fx, sub, customer.id);
    attemptInvoice(fx, invoice, pm, { offSession: false, authenticated: input.authenticated ?? false });
  }
  if (invoice.status === "paid" && sub.status === "incomplete") sub.status = "active";
  // As Stripe: customer.subscription.created carries the status after the first payment (active, or incomplete).
  if (input.paymentBehavior !== "error_if_incomplete" || sub.status !== "incomplete") {
    fx.bus.emit("customer.subscription.created", sub);
  }
  return { sub, invoice };
}

/** The period end (or trial end) has come: cancel if asked, else start the next period and invoice it. */
export function renew(fx: Fake, sub: Subscription) {
  const now = fx.store.now(sub.customer);
  const { end } = periodOf(sub);
  if (sub.cancel_at_period_end || (sub.cancel_at !== null && sub.cancel_at <= now)) {
    setStatus(fx, sub, "canceled", { ended_at: end, canceled_at: sub.canceled_at ?? now });
    return;
  }
  const previous = {
    items: structuredClone(sub.items),
    ...(sub.status === "trialing" ? { status: "trialing" } : {}),
  };
  const nextEnd = addInterval(end, recurringOf(sub.items.data[0]?.price as Price));
  setPeriod(sub, end, nextEnd);
  if (sub.status === "trialing") sub.status = "active";
  fx.bus.emit("customer.subscription.updated", sub, previous);
  const invoice = issueInvoice(fx, invoiceDraft(fx, sub, "subscription_cycle"));
  if (invoice.status !== "paid") collect(fx, invoice, sub);
}

export function cancelNow(fx: Fake, sub: Subscription) {
  const now = fx.store.now(sub.customer);
  Object.assign(sub, { status: "canceled", canceled_at: now, ended_at: now });
  sub.cancellation_details = { comment: null, feedback: null, reason: "cancellation_requested" };
  fx.bus.emit("customer.subscription.deleted", sub);
}
