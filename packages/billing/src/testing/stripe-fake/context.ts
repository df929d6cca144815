import type { EventBus } from "./events.ts";
import type { Store } from "./store.ts";

/** What every handler works with: the state and the event log. */
export interface Fake {
  store: Store;
  bus: EventBus;
  /** What a subscription becomes when its last payment retry fails (Stripe's "subscription status" setting). */
  afterFinalFailure: "canceled" | "unpaid" | "past_due";
}
