import { manualClock } from "@quarry/core/clock";
import { silentLogger } from "@quarry/core/logger";
import { getBalance } from "@quarry/credits/services/get-balance";
import { insertWorkspace, ledgerCtx } from "@quarry/credits/testing/fixtures";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plans } from "../plans.ts";
import { findBillingState } from "../queries/billing-state.queries.ts";
import { invoiceObject, stripeEvent, subscriptionObject, verified } from "../testing/events.ts";
import { processStripeEvent } from "./process-stripe-event.ts";
import { receiveStripeEvent } from "./receive-stripe-event.ts";

const clock = manualClock(new Date("2026-03-01T12:00:00Z"));
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

const ctx = () => ({ db: t.db, clock, log: silentLogger });

/** What the webhook and the worker do for one delivery: store it, then apply it. */
async function deliver(event: Record<string, unknown>): Promise<void> {
  await receiveStripeEvent(t.db, verified(event));
  await processStripeEvent(ctx(), String(event.id));
}

function shuffle<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

async function inBatches<T>(items: T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

async function historyRows(workspaceId: string) {
  const { rows } = await sql<{ kind: string; n: number }>`
    select kind, count(*)::int as n from billing_history where workspace_id = ${workspaceId}
    group by kind order by kind`.execute(t.db);
  return Object.fromEntries(rows.map((r) => [r.kind, r.n]));
}

describe("500 events, each delivered three times, shuffled, 10 at a time", () => {
  it("applies each once: credits once per paid invoice, one history row per event", async () => {
    const workspaces = await Promise.all(
      Array.from({ length: 10 }, (_, i) => insertWorkspace(t.db, `Busy ${i}`)),
    );
    const created = Math.floor(clock.now().getTime() / 1000);
    const events = Array.from({ length: 500 }, (_, i) => {
      const workspaceId = workspaces[Math.floor(i / 5) % workspaces.length] as string;
      switch (i % 5) {
        case 0:
        case 1:
          return stripeEvent({
            type: "invoice.paid",
            created,
            object: invoiceObject({ workspaceId, plan: "pro" }),
          });
        case 2:
          return stripeEvent({
            type: "invoice.payment_failed",
            created,
            object: invoiceObject({ workspaceId, amountPaid: 0 }),
          });
        case 3:
          return stripeEvent({
            type: "charge.refunded",
            created,
            object: {
              id: `ch_${i}`,
              customer: "cus_x",
              metadata: { workspace_id: workspaceId },
              amount_refunded: 100,
            },
          });
        default:
          return stripeEvent({ type: "customer.created", created, object: { id: `cus_${i}` } });
      }
    });
    await inBatches(shuffle([...events, ...events, ...events]), 10, deliver);

    const { rows: inbox } = await sql<{ outcome: string; attempts: number; n: number }>`
      select outcome, attempts, count(*)::int as n from stripe_events
      where processed_at is not null group by outcome, attempts order by outcome`.execute(t.db);
    expect(inbox).toEqual([
      { outcome: "applied", attempts: 1, n: 400 },
      { outcome: "ignored", attempts: 1, n: 100 },
    ]);
    for (const workspaceId of workspaces) {
      // 20 paid invoices each (500 events over 10 workspaces, two in five are invoice.paid).
      expect((await getBalance(ledgerCtx(t.db, workspaceId))).available).toBe(20 * plans.pro.monthlyCredits);
      expect(await historyRows(workspaceId)).toEqual({
        charge_refunded: 10,
        invoice_paid: 20,
        payment_failed: 10,
      });
    }
  });

  it("grants once per invoice even when the invoice is paid by two different events", async () => {
    const workspaceId = await insertWorkspace(t.db, "Twice paid");
    const invoice = invoiceObject({ workspaceId, plan: "starter" });
    await deliver(stripeEvent({ type: "invoice.paid", object: invoice }));
    await deliver(stripeEvent({ type: "invoice.paid", object: invoice }));
    expect((await getBalance(ledgerCtx(t.db, workspaceId))).available).toBe(plans.starter.monthlyCredits);
  });
});

describe("subscription events out of order", () => {
  it("ignores an update older than the state already stored", async () => {
    const workspaceId = await insertWorkspace(t.db, "Ordered");
    const at = Math.floor(clock.now().getTime() / 1000);
    const newer = stripeEvent({
      type: "customer.subscription.updated",
      created: at,
      object: subscriptionObject({ workspaceId, status: "active", lookupKey: "quarry_pro_monthly" }),
    });
    const older = stripeEvent({
      type: "customer.subscription.updated",
      created: at - 60,
      object: subscriptionObject({ workspaceId, status: "past_due", lookupKey: "quarry_starter_monthly" }),
    });
    await deliver(newer);
    await deliver(older);
    const state = await findBillingState(t.db, workspaceId);
    expect([state?.plan, state?.status, state?.past_due_since]).toEqual(["pro", "active", null]);
    const { rows } = await sql<{ outcome: string; last_error: string | null }>`
      select outcome, last_error from stripe_events where id = ${String(older.id)}`.execute(t.db);
    expect(rows[0]).toEqual({ outcome: "ignored", last_error: "older than the stored subscription state" });
  });

  it("applies them in order when they come in order, and a deletion puts the workspace on free", async () => {
    const workspaceId = await insertWorkspace(t.db, "Lifecycle");
    const at = Math.floor(clock.now().getTime() / 1000);
    const sub = (status: string) =>
      subscriptionObject({ workspaceId, status, lookupKey: "quarry_starter_monthly" });
    await deliver(stripeEvent({ type: "customer.subscription.created", created: at, object: sub("active") }));
    await deliver(
      stripeEvent({ type: "customer.subscription.updated", created: at + 1, object: sub("past_due") }),
    );
    const pastDue = await findBillingState(t.db, workspaceId);
    expect([pastDue?.plan, pastDue?.status, pastDue?.past_due_since]).toEqual([
      "starter",
      "past_due",
      new Date(clock.now().getTime() + 1000),
    ]);
    await deliver(
      stripeEvent({ type: "customer.subscription.deleted", created: at + 2, object: sub("canceled") }),
    );
    // A late update from before the deletion does not bring the subscription back.
    await deliver(
      stripeEvent({ type: "customer.subscription.updated", created: at + 1, object: sub("active") }),
    );
    const ended = await findBillingState(t.db, workspaceId);
    expect([ended?.plan, ended?.status]).toEqual(["free", "canceled"]);
    expect(await historyRows(workspaceId)).toEqual({
      subscription_canceled: 1,
      subscription_created: 1,
      subscription_updated: 1,
    });
  });

  it("a failed payment older than the subscription's newest state does not mark it past due", async () => {
    const workspaceId = await insertWorkspace(t.db, "Recovered");
    const at = Math.floor(clock.now().getTime() / 1000);
    await deliver(
      stripeEvent({
        type: "customer.subscription.updated",
        created: at,
        object: subscriptionObject({ workspaceId, status: "active", lookupKey: "quarry_starter_monthly" }),
      }),
    );
    await deliver(
      stripeEvent({
        type: "invoice.payment_failed",
        created: at - 10,
        object: invoiceObject({ workspaceId }),
      }),
    );
    expect((await findBillingState(t.db, workspaceId))?.status).toBe("active");
    await deliver(
      stripeEvent({
        type: "invoice.payment_failed",
        created: at + 10,
        object: invoiceObject({ workspaceId }),
      }),
    );
    expect((await findBillingState(t.db, workspaceId))?.status).toBe("past_due");
    expect((await historyRows(workspaceId)).payment_failed).toBe(2);
  });
});

describe("workspace mapping", () => {
  it("finds the workspace by its stored customer id when the object has no metadata", async () => {
    const workspaceId = await insertWorkspace(t.db, "By customer");
    await deliver(
      stripeEvent({
        type: "customer.subscription.created",
        object: subscriptionObject({
          workspaceId,
          status: "active",
          lookupKey: "quarry_pro_monthly",
          customerId: "cus_known",
        }),
      }),
    );
    await deliver(
      stripeEvent({
        type: "charge.dispute.created",
        object: {
          id: "dp_1",
          charge: "ch_9",
          amount: 14_900,
          reason: "fraudulent",
          status: "needs_response",
        },
      }),
    );
    await deliver(
      stripeEvent({
        type: "charge.refunded",
        object: { id: "ch_9", customer: "cus_known", metadata: {}, amount_refunded: 14_900, refunded: true },
      }),
    );
    expect(await historyRows(workspaceId)).toEqual({ charge_refunded: 1, subscription_created: 1 });
    // The dispute names only a charge nobody had recorded when it came: kept, ignored, not guessed.
    const { rows } = await sql<{ outcome: string }>`
      select outcome from stripe_events where type = 'charge.dispute.created'`.execute(t.db);
    expect(rows).toEqual([{ outcome: "ignored" }]);
  });

  it("a paid invoice whose plan nobody names yet fails and is retried, leaving it unprocessed", async () => {
    const workspaceId = await insertWorkspace(t.db, "Unknown plan");
    const invoice = {
      ...invoiceObject({ workspaceId }),
      parent: null,
      metadata: { workspace_id: workspaceId },
    };
    const event = stripeEvent({ type: "invoice.paid", object: invoice });
    await receiveStripeEvent(t.db, verified(event));
    await expect(processStripeEvent(ctx(), String(event.id))).rejects.toThrow(/no plan known yet/);
    const { rows } = await sql<{ processed_at: Date | null; attempts: number }>`
      select processed_at, attempts from stripe_events where id = ${String(event.id)}`.execute(t.db);
    expect(rows[0]).toEqual({ processed_at: null, attempts: 1 });
    expect((await getBalance(ledgerCtx(t.db, workspaceId))).available).toBe(0);
  });
});
