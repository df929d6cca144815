/** Invoices: list, retrieve, lines, pay, and create_preview (the proration preview). */
import type { Fake } from "../context.ts";
import { FakeStripeError, invalidRequest } from "../errors.ts";
import { bool, int, obj, oneOf, str } from "../form.ts";
import { buildInvoice, itemLine, pendingLine } from "../invoicing.ts";
import { type ApiRequest, arg, type Route, route } from "../router.ts";
import { invoicePayments } from "../serialize.ts";
import { createdFilter, paginate } from "../store.ts";
import { addInterval, collect, periodOf } from "../subscription-engine.ts";
import { applyItems, intervalChange, parseItemChanges, prorations } from "../subscription-update.ts";
import type { Invoice, PaymentMethod, Subscription } from "../types.ts";

function subscriptionOf(fx: Fake, invoice: Invoice): Subscription | null {
  const id = invoice.parent?.subscription_details.subscription;
  return id ? (fx.store.find(id) as Subscription) : null;
}

function payInvoice(req: ApiRequest) {
  const { fx } = req;
  const invoice = fx.store.get<Invoice>(arg(req), "invoice");
  if (invoice.status === "paid")
    throw invalidRequest("Invoice is already paid", undefined, "invoice_already_paid");
  if (invoice.status !== "open")
    throw invalidRequest(`You can only pay an invoice that is open.`, undefined, "invoice_not_open");
  const pmId = str(req.params, "payment_method");
  const sub = subscriptionOf(fx, invoice);
  if (pmId) {
    const pm = fx.store.get<PaymentMethod>(pmId, "payment_method", "payment_method");
    if (sub) sub.default_payment_method = sub.default_payment_method ?? pm.id;
    invoice.default_payment_method = pm.id;
  }
  const before = invoice.next_payment_attempt;
  const { payment } = collect(fx, invoice, sub, bool(req.params, "off_session") === false);
  if ((invoice.status as string) !== "paid") {
    // Paying by hand does not move the automatic retry schedule.
    invoice.next_payment_attempt = before;
    const error = payment?.error;
    if (error) throw error;
    throw new FakeStripeError(402, {
      type: "card_error",
      code: "invoice_payment_intent_requires_action",
      message: "This payment requires additional user action before it can be completed successfully.",
    });
  }
  return invoice;
}

function preview(req: ApiRequest) {
  const { fx } = req;
  const p = req.params;
  const subId = str(p, "subscription");
  const details = obj(p, "subscription_details") ?? {};
  if (!subId)
    throw invalidRequest("Missing required param: subscription.", "subscription", "parameter_missing");
  const sub = structuredClone(fx.store.get<Subscription>(subId, "subscription", "subscription"));
  const customer = str(p, "customer") ?? sub.customer;
  const behavior =
    oneOf(details, "proration_behavior", ["create_prorations", "always_invoice", "none"] as const) ??
    "create_prorations";
  const changes = parseItemChanges(fx, sub, details, "items");
  const at = int(details, "proration_date") ?? fx.store.now(customer);
  const newInterval = sub.status === "trialing" ? null : intervalChange(changes);
  const created = behavior === "none" ? [] : prorations(fx, sub, changes, at);
  const pending = [
    ...fx.store.pendingItems.filter((x) => x.subscription === sub.id),
    ...(newInterval ? created.filter((x) => x.amount < 0) : created),
  ];
  applyItems(fx, sub, changes);
  const immediate = newInterval !== null || behavior === "always_invoice";
  const current = periodOf(sub);
  const recurring = newInterval ?? sub.items.data[0]?.price.recurring;
  const start = newInterval ? at : current.end;
  const end = recurring ? addInterval(start, recurring) : start;
  const upcoming =
    behavior === "always_invoice" && !newInterval
      ? []
      : sub.items.data.map((i) => itemLine(fx, sub, i, start, end));
  const id = `upcoming_${fx.store.newId("in")}`;
  const invoice = buildInvoice(
    fx,
    {
      customer,
      subscription: sub,
      lines: [...pending.map((x) => pendingLine(fx, x)), ...upcoming],
      reason: immediate ? "subscription_update" : "upcoming",
      period: immediate ? { start: at, end: newInterval ? end : at } : current,
      currency: sub.currency,
    },
    id,
  );
  invoice.next_payment_attempt = immediate ? at : current.end;
  return invoice;
}

export const invoiceRoutes: Route[] = [
  route("GET", "/v1/invoices", (req) => {
    const p = req.params;
    const customer = str(p, "customer");
    const sub = str(p, "subscription");
    const status = str(p, "status");
    const items = req.fx.store
      .all<Invoice>("invoice")
      .filter(
        (i) =>
          (!customer || i.customer === customer) &&
          (!sub || i.parent?.subscription_details.subscription === sub) &&
          (!status || i.status === status),
      )
      .filter(createdFilter(p));
    return paginate(items, p, "/v1/invoices");
  }),
  route("POST", "/v1/invoices/create_preview", preview),
  route("GET", "/v1/invoices/:id", (req) => req.fx.store.get<Invoice>(arg(req), "invoice")),
  route("GET", "/v1/invoices/:id/lines", (req) => {
    const invoice = req.fx.store.get<Invoice>(arg(req), "invoice");
    return paginate([...invoice.lines.data].reverse(), req.params, invoice.lines.url);
  }),
  route("POST", "/v1/invoices/:id/pay", payInvoice),
  route("GET", "/v1/invoice_payments", (req) => {
    const invoice = str(req.params, "invoice");
    const items = req.fx.store.all("invoice_payment").filter((p) => !invoice || p.invoice === invoice);
    return paginate(items, req.params, "/v1/invoice_payments");
  }),
  route("GET", "/v1/invoices/:id/payments", (req) => {
    const invoice = req.fx.store.get<Invoice>(arg(req), "invoice");
    return paginate(
      invoicePayments(req.fx.store, invoice.id),
      req.params,
      `/v1/invoices/${invoice.id}/payments`,
    );
  }),
];
