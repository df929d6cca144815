import type { Database } from "@quarry/db/client";
import { withTx } from "@quarry/db/with-tx";
import { insertStripeEvent } from "../queries/stripe-events.queries.ts";
import { processStripeEventTask } from "../tasks/process-stripe-event.task.ts";
import type { VerifiedEvent } from "./verify-webhook.ts";

/**
 * Stores a verified event in the inbox and, only when it is new, enqueues its processing in the
 * same transaction (one job per event id). A repeated delivery changes nothing. Returns whether
 * the event was new.
 */
export async function receiveStripeEvent(db: Database, event: VerifiedEvent): Promise<{ stored: boolean }> {
  return withTx(db, async (trx) => {
    const stored = await insertStripeEvent(trx, event);
    if (stored) {
      await processStripeEventTask.enqueue(
        trx,
        { eventId: event.id },
        { jobKey: `stripe-event:${event.id}` },
      );
    }
    return { stored };
  });
}
