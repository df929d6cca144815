import type { Database } from "@quarry/db/client";
import { insertStripeEventsWithJobs } from "../queries/stripe-events.queries.ts";
import { processStripeEventTask } from "../tasks/process-stripe-event.task.ts";
import type { VerifiedEvent } from "./verify-webhook.ts";

const job = {
  task: processStripeEventTask.name,
  payload: (eventId: string) => processStripeEventTask.payload.parse({ eventId }),
  jobKey: (eventId: string) => `stripe-event:${eventId}`,
};

/**
 * Stores verified events in the inbox and, for each that is new, enqueues its processing in the
 * same transaction (one statement; one job per event id). A repeated delivery changes nothing.
 * Returns the ids that were new.
 */
export async function receiveStripeEvents(
  db: Database,
  events: readonly VerifiedEvent[],
): Promise<Set<string>> {
  return insertStripeEventsWithJobs(db, events, job);
}

/** One event: whether it was new. */
export async function receiveStripeEvent(db: Database, event: VerifiedEvent): Promise<{ stored: boolean }> {
  const stored = await receiveStripeEvents(db, [event]);
  return { stored: stored.has(event.id) };
}
