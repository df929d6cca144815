import { invoiceObject, signedHeader, stripeEvent, subscriptionObject } from "@quarry/billing/testing/events";

export interface Delivery {
  id: string;
  body: string;
  /** Whether this delivery repeats one already in the list (Stripe's at-least-once). */
  duplicate: boolean;
}

/** What the deliveries should leave in the database when each event is applied exactly once. */
export interface Expected {
  uniqueEvents: number;
  paidInvoices: number;
  /**
   * Invoice events, which write one billing_history row each. (A subscription update writes one only
   * when it is newer than the state stored: in shuffled order some are rightly ignored.)
   */
  historyRows: number;
}

/**
 * `total` deliveries over the workspaces: two thirds distinct events (paid invoices, failed
 * payments, subscription updates, refunds and a type Quarry ignores), one third repeats of them,
 * shuffled so a repeat may arrive before, after or while its original is processed.
 */
export function buildDeliveries(
  workspaces: string[],
  total: number,
): { deliveries: Delivery[]; expected: Expected } {
  const unique = Math.ceil((total * 2) / 3);
  const created = Math.floor(Date.now() / 1000);
  const expected: Expected = { uniqueEvents: unique, paidInvoices: 0, historyRows: 0 };
  const originals: Delivery[] = [];
  for (let i = 0; i < unique; i++) {
    const workspaceId = workspaces[Math.floor(i / 5) % workspaces.length] as string;
    let event: Record<string, unknown>;
    switch (i % 5) {
      case 0:
      case 1:
        event = stripeEvent({
          type: "invoice.paid",
          created,
          object: invoiceObject({ workspaceId, plan: "pro" }),
        });
        expected.paidInvoices++;
        expected.historyRows++;
        break;
      case 2:
        event = stripeEvent({
          type: "invoice.payment_failed",
          created,
          object: invoiceObject({ workspaceId, amountPaid: 0 }),
        });
        expected.historyRows++;
        break;
      case 3:
        // Each with its own created second, so every update is newer than the last and applies.
        event = stripeEvent({
          type: "customer.subscription.updated",
          created: created + i,
          object: subscriptionObject({ workspaceId, status: "active", lookupKey: "quarry_pro_monthly" }),
        });
        break;
      default:
        event = stripeEvent({ type: "customer.updated", created, object: { id: `cus_${i}` } });
    }
    originals.push({ id: String(event.id), body: JSON.stringify(event), duplicate: false });
  }
  const repeats = Array.from({ length: total - unique }, (_, i) => ({
    ...(originals[(i * 7) % originals.length] as Delivery),
    duplicate: true,
  }));
  return { deliveries: shuffle([...originals, ...repeats]), expected };
}

/** Signs every delivery at `timestamp` (seconds), as Stripe would. */
export function sign(deliveries: Delivery[], secret: string, timestamp: number): string[] {
  return deliveries.map((d) => signedHeader(d.body, secret, timestamp));
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}
