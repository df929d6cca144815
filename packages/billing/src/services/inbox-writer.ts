import type { Database } from "@quarry/db/client";
import { receiveStripeEvents } from "./receive-stripe-event.ts";
import type { VerifiedEvent } from "./verify-webhook.ts";

/** Most events one statement stores. */
const MAX_BATCH = 100;

interface Waiting {
  event: VerifiedEvent;
  resolve(stored: { stored: boolean }): void;
  reject(err: unknown): void;
}

export interface InboxWriter {
  /** Stores the event (and its job) and resolves once that has committed: only then may Stripe hear 200. */
  receive(event: VerifiedEvent): Promise<{ stored: boolean }>;
}

/**
 * The webhook's writes to the inbox, grouped: deliveries that arrive while a statement is in
 * flight are stored together by the next one (up to MAX_BATCH), so under load the database sees
 * one statement and one commit per group instead of per delivery, and a lone delivery is written
 * at once. Each caller still waits for its own commit. If a group's statement fails, its
 * deliveries are stored one by one, so only a delivery that fails alone is answered with an error
 * (and Stripe delivers it again). Built once per process.
 */
export function inboxWriter(db: Database): InboxWriter {
  let queue: Waiting[] = [];
  let inFlight = 0;
  /** Statements at once: a little parallelism keeps the pool busy without one statement per request. */
  const MAX_IN_FLIGHT = 4;

  function flush(): void {
    while (queue.length > 0 && inFlight < MAX_IN_FLIGHT) {
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(batch.length);
      inFlight++;
      void store(batch).finally(() => {
        inFlight--;
        flush();
      });
    }
  }

  /** One statement for the group; if it fails, each delivery alone, so one bad event fails only itself. */
  async function store(batch: Waiting[]): Promise<void> {
    try {
      const stored = await receiveStripeEvents(
        db,
        batch.map((w) => w.event),
      );
      // The first delivery of an id in the group counts as the new one; the others are repeats.
      const answered = new Set<string>();
      for (const w of batch) {
        w.resolve({ stored: stored.has(w.event.id) && !answered.has(w.event.id) });
        answered.add(w.event.id);
      }
    } catch (err) {
      if (batch.length === 1) {
        batch[0]?.reject(err);
        return;
      }
      for (const w of batch) await store([w]);
    }
  }

  return {
    receive(event) {
      return new Promise((resolve, reject) => {
        queue.push({ event, resolve, reject });
        flush();
      });
    },
  };
}
