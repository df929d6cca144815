import type { Clock } from "@quarry/core/clock";
import type { Logger } from "@quarry/core/logger";
import type { Database } from "@quarry/db/client";
import { withTx } from "@quarry/db/with-tx";
import type Stripe from "stripe";
import {
  lockStripeEvent,
  markStripeEventProcessed,
  recordStripeEventFailure,
} from "../queries/stripe-events.queries.ts";
import type { HandlerResult } from "./stripe-events/handler.ts";
import { stripeEventHandlers } from "./stripe-events/handlers.ts";

export interface ProcessCtx {
  db: Database;
  clock: Clock;
  log: Logger;
  /** The Stripe client handlers re-fetch objects with (null or absent: not configured). */
  stripe?: Stripe | null;
}

/**
 * Applies one stored event: locks its inbox row, skips it when already processed, runs the
 * handler for its type and marks it processed in the same transaction as the handler's writes,
 * so an event is applied once however often it is delivered or its job runs. A type without a
 * handler is marked processed as ignored. A failure rolls back, is counted on the row and thrown,
 * so the job retries with backoff.
 */
export async function processStripeEvent(ctx: ProcessCtx, eventId: string): Promise<void> {
  try {
    await withTx(ctx.db, async (trx) => {
      const row = await lockStripeEvent(trx, eventId);
      if (!row) {
        ctx.log.warn({ eventId }, "stripe event not found");
        return;
      }
      if (row.processed_at) return;
      const handler = stripeEventHandlers[row.type];
      const result: HandlerResult = handler
        ? await handler(
            { db: trx, clock: ctx.clock, log: ctx.log, stripe: ctx.stripe ?? null },
            { id: row.id, type: row.type, created: row.created, payload: row.payload as StripeEventPayload },
          )
        : { outcome: "ignored", workspaceId: null, note: `no handler for ${row.type}` };
      await markStripeEventProcessed(trx, eventId, {
        at: ctx.clock.now(),
        ...result,
        note: result.note ?? null,
      });
    });
  } catch (err) {
    await recordStripeEventFailure(ctx.db, eventId, err instanceof Error ? err.message : String(err));
    throw err;
  }
}

/** The stored event as handlers read it: its data.object is Stripe's object at the time of the event. */
export interface StripeEventPayload {
  data?: { object?: Record<string, unknown> };
}
