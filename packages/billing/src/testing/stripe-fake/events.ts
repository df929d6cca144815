/**
 * Events as Stripe records them, and their webhook delivery: signed POSTs to one endpoint, retried when the
 * receiver does not answer 2xx, with test controls to pause, reorder and duplicate deliveries.
 */

import Stripe from "stripe";
import { publicView } from "./serialize.ts";
import { signPayload } from "./signing.ts";
import type { Store } from "./store.ts";
import type { StripeObject } from "./types.ts";

/** The API version of the installed SDK (2026-11-18.endive for stripe 23.2.0): the shapes this fake follows. */
export const API_VERSION: string = Stripe.API_VERSION;

export interface StripeEvent extends StripeObject {
  object: "event";
  type: string;
  created: number;
  data: { object: StripeObject; previous_attributes?: Record<string, unknown> };
  pending_webhooks: number;
}

export interface DeliveryAttempt {
  eventId: string;
  type: string;
  attempt: number;
  status: number | null;
  error?: string;
}

export interface WebhookOptions {
  webhookUrl?: string;
  webhookSecret: string;
  /** Delays before each retry of a failed delivery; its length is the number of retries. */
  retryDelaysMs: number[];
}

export class EventBus {
  private readonly queue: StripeEvent[] = [];
  private readonly log: DeliveryAttempt[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private paused = false;
  private chain: Promise<void> = Promise.resolve();

  private readonly store: Store;
  private readonly options: WebhookOptions;

  constructor(store: Store, options: WebhookOptions) {
    this.store = store;
    this.options = options;
  }

  emit(type: string, object: StripeObject, previous?: Record<string, unknown>): StripeEvent {
    const owner = object.object === "customer" ? object.id : (object.customer as string | undefined);
    const created = this.store.now(owner ?? null);
    const event: StripeEvent = {
      id: this.store.newId("evt"),
      object: "event",
      api_version: API_VERSION,
      created,
      data: {
        object: publicView(object),
        ...(previous ? { previous_attributes: publicView(previous) } : {}),
      },
      livemode: false,
      pending_webhooks: this.options.webhookUrl ? 1 : 0,
      request: { ...this.store.request },
      type,
    };
    this.store.put(event);
    if (this.options.webhookUrl) {
      if (this.paused) this.queue.push(event);
      else this.schedule([event]);
    }
    return event;
  }

  events(): StripeEvent[] {
    return this.store.all<StripeEvent>("event").map((e) => publicView(e));
  }

  deliveries(): DeliveryAttempt[] {
    return [...this.log];
  }

  pause(): void {
    this.paused = true;
  }

  /** Sends what was held while paused (optionally shuffled and/or each twice) and resumes live delivery. */
  async deliverPending(options: { shuffle?: boolean; duplicates?: boolean } = {}): Promise<void> {
    const batch = this.queue.splice(0);
    if (options.shuffle) {
      for (let i = batch.length - 1; i > 0; i--) {
        const j = Math.floor(Math.random() * (i + 1));
        [batch[i], batch[j]] = [batch[j] as StripeEvent, batch[i] as StripeEvent];
      }
    }
    const sends = options.duplicates ? batch.flatMap((e) => [e, e]) : batch;
    this.paused = false;
    this.schedule(sends);
    await this.idle();
  }

  /** Resolves when every scheduled delivery (with its retries) has finished. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  private schedule(events: StripeEvent[]): void {
    const run = this.chain.then(async () => {
      for (const event of events) await this.deliver(event);
    });
    this.chain = run.catch(() => undefined);
    this.inFlight.add(run);
    void run.finally(() => this.inFlight.delete(run));
  }

  private async deliver(event: StripeEvent): Promise<void> {
    const url = this.options.webhookUrl;
    if (!url) return;
    const delays = [0, ...this.options.retryDelaysMs];
    for (const [index, delay] of delays.entries()) {
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      const stored = this.store.find(event.id) as StripeEvent;
      const payload = JSON.stringify(publicView(stored), null, 2);
      const header = signPayload(payload, this.options.webhookSecret, Math.floor(Date.now() / 1000));
      const attempt: DeliveryAttempt = {
        eventId: event.id,
        type: event.type,
        attempt: index + 1,
        status: null,
      };
      try {
        const res = await fetch(url, {
          method: "POST",
          headers: {
            "content-type": "application/json; charset=utf-8",
            "stripe-signature": header,
            "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
          },
          body: payload,
        });
        await res.arrayBuffer();
        attempt.status = res.status;
      } catch (error) {
        attempt.error = (error as Error).message;
      }
      this.log.push(attempt);
      if (attempt.status !== null && attempt.status >= 200 && attempt.status < 300) {
        stored.pending_webhooks = Math.max(stored.pending_webhooks - 1, 0);
        return;
      }
    }
  }
}
