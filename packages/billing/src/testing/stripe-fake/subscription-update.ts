/** Subscription changes with Stripe's proration rules (create_prorations, always_invoice, none) and their preview. */
import type { Fake } from "./context.ts";
import { invalidRequest } from "./errors.ts";
import { asParams, bool, int, list, mergeMetadata, oneOf, type Params, str } from "./form.ts";
import { issueInvoice } from "./invoicing.ts";
import {
  addInterval,
  cancelNow,
  collect,
  invoiceDraft,
  periodOf,
  renew,
  setPeriod,
} from "./subscription-engine.ts";
import type { PendingItem, Price, Recurring, Subscription, SubscriptionItem } from "./types.ts";

export interface ItemChange {
  item: SubscriptionItem | null;
  price: Price;
  quantity: number;
  deleted: boolean;
}

export function parseItemChanges(fx: Fake, sub: Subscription, p: Params, key = "items"): ItemChange[] {
  return (list(p, key) ?? []).map((raw, index) => {
    const entry = asParams(raw, `${key}[${index}]`);
    const id = str(entry, "id");
    const item = id ? (sub.items.data.find((i) => i.id === id) ?? null) : null;
    if (id && !item)
      throw invalidRequest(`No such subscription item: '${id}'`, `${key}[${index}][id]`, "resource_missing");
    const priceId = str(entry, "price");
    const price = priceId ? fx.store.get<Price>(priceId, "price", `${key}[${index}][price]`) : item?.price;
    if (!price)
      throw invalidRequest(
        `Missing required param: ${key}[${index}][price].`,
        `${key}[${index}][price]`,
        "parameter_missing",
      );
    return {
      item,
      price,
      quantity: int(entry, "quantity") ?? item?.quantity ?? 1,
      deleted: bool(entry, "deleted") ?? false,
    };
  });
}

/** Credit for the unused time on the old price, charge for the remaining time on the new one. */
export function prorations(fx: Fake, sub: Subscription, changes: ItemChange[], at: number): PendingItem[] {
  const { start, end } = periodOf(sub);
  if (sub.status === "trialing" || at >= end) return [];
  const ratio = (end - at) / (end - start);
  const out: PendingItem[] = [];
  const date = new Date(at * 1000).toUTCString().slice(5, 16);
  const name = (price: Price) => (fx.store.find(price.product)?.name as string | undefined) ?? price.product;
  for (const change of changes) {
    const old = change.item;
    const unchanged =
      old && old.price.id === change.price.id && old.quantity === change.quantity && !change.deleted;
    if (unchanged) continue;
    const base = {
      customer: sub.customer,
      subscription: sub.id,
      currency: sub.currency,
      period: { start: at, end },
    };
    if (old) {
      out.push({
        ...base,
        id: fx.store.newId("ii"),
        subscription_item: old.id,
        amount: -Math.round((old.price.unit_amount ?? 0) * old.quantity * ratio),
        description: `Unused time on ${old.quantity} × ${name(old.price)} after ${date}`,
        price: old.price.id,
        quantity: old.quantity,
      });
    }
    if (!change.deleted) {
      out.push({
        ...base,
        id: fx.store.newId("ii"),
        subscription_item: old?.id ?? "si_new",
        amount: Math.round((change.price.unit_amount ?? 0) * change.quantity * ratio),
        description: `Remaining time on ${change.quantity} × ${name(change.price)} after ${date}`,
        price: change.price.id,
        quantity: change.quantity,
      });
    }
  }
  return out;
}

/** The new recurring interval when a change moves an item to a price billed on another interval. */
export function intervalChange(changes: ItemChange[]): Recurring | null {
  for (const c of changes) {
    const before = c.item?.price.recurring;
    const after = c.price.recurring;
    if (c.deleted || !before || !after) continue;
    if (before.interval !== after.interval || before.interval_count !== after.interval_count) return after;
  }
  return null;
}

export function applyItems(fx: Fake, sub: Subscription, changes: ItemChange[]) {
  const now = fx.store.now(sub.customer);
  const { start, end } = periodOf(sub);
  for (const change of changes) {
    if (change.item && change.deleted) {
      sub.items.data = sub.items.data.filter((i) => i.id !== change.item?.id);
    } else if (change.item) {
      Object.assign(change.item, { price: change.price, quantity: change.quantity });
    } else {
      const template = sub.items.data[0] as SubscriptionItem;
      sub.items.data.push({
        ...structuredClone(template),
        id: fx.store.newId("si"),
        created: now,
        price: change.price,
        quantity: change.quantity,
        current_period_start: start,
        current_period_end: end,
        metadata: {},
      });
    }
  }
}

export function updateSubscription(fx: Fake, sub: Subscription, p: Params): Subscription {
  const now = fx.store.now(sub.customer);
  const previous: Record<string, unknown> = {};
  const remember = (key: string) => {
    if (!(key in previous)) previous[key] = structuredClone(sub[key]);
  };
  const changes = parseItemChanges(fx, sub, p);
  const behavior =
    oneOf(p, "proration_behavior", ["create_prorations", "always_invoice", "none"] as const) ??
    "create_prorations";
  const newInterval = sub.status === "trialing" ? null : intervalChange(changes);
  if (changes.length > 0) {
    remember("items");
    const pending = behavior === "none" ? [] : prorations(fx, sub, changes, int(p, "proration_date") ?? now);
    // A new interval is billed in full from now, so only the credit for the old price's unused time remains.
    fx.store.pendingItems.push(...(newInterval ? pending.filter((x) => x.amount < 0) : pending));
    applyItems(fx, sub, changes);
    if (newInterval) {
      remember("billing_cycle_anchor");
      setPeriod(sub, now, addInterval(now, newInterval));
      sub.billing_cycle_anchor = now;
    }
    for (const item of sub.items.data)
      item.plan = { ...(item.plan as object), id: item.price.id, amount: item.price.unit_amount };
  }
  if (p.metadata !== undefined) {
    remember("metadata");
    sub.metadata = mergeMetadata(sub.metadata, p);
  }
  const dpm = str(p, "default_payment_method");
  if (dpm !== undefined) {
    remember("default_payment_method");
    sub.default_payment_method = dpm || null;
  }
  const cancelAtPeriodEnd = bool(p, "cancel_at_period_end");
  if (cancelAtPeriodEnd !== undefined && cancelAtPeriodEnd !== sub.cancel_at_period_end) {
    for (const k of ["cancel_at_period_end", "cancel_at", "canceled_at", "cancellation_details"]) remember(k);
    Object.assign(sub, {
      cancel_at_period_end: cancelAtPeriodEnd,
      cancel_at: cancelAtPeriodEnd ? periodOf(sub).end : null,
      canceled_at: cancelAtPeriodEnd ? now : null,
      cancellation_details: {
        comment: null,
        feedback: null,
        reason: cancelAtPeriodEnd ? "cancellation_requested" : null,
      },
    });
  }
  const endTrial = str(p, "trial_end") === "now" && sub.status === "trialing";
  if (endTrial) {
    remember("trial_end");
    sub.trial_end = now;
    for (const item of sub.items.data) item.current_period_end = now;
  }
  if (Object.keys(previous).length > 0) fx.bus.emit("customer.subscription.updated", sub, previous);
  if (endTrial) renew(fx, sub);
  // Stripe resets the billing cycle and invoices at once when the interval changes, as for always_invoice.
  if ((newInterval || behavior === "always_invoice") && changes.length > 0 && sub.status !== "trialing") {
    const invoice = issueInvoice(
      fx,
      invoiceDraft(fx, sub, "subscription_update", { items: newInterval !== null }),
    );
    if (invoice.status !== "paid") collect(fx, invoice, sub);
  }
  return sub;
}

export function cancelSubscription(fx: Fake, sub: Subscription): Subscription {
  if (sub.status === "canceled")
    throw invalidRequest(`No such subscription: '${sub.id}'`, "id", "resource_missing");
  cancelNow(fx, sub);
  return sub;
}
