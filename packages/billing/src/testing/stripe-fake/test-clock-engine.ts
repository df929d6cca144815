/**
 * Advancing a test clock: every subscription of a customer on the clock lives through the time passed, in order —
 * trial_will_end three days before a trial ends, renewals at each period end, payment retries of open invoices.
 */
import type { Fake } from "./context.ts";
import { RETRY_DAYS } from "./invoicing.ts";
import { addInterval, collect, periodOf, renew } from "./subscription-engine.ts";
import type { Customer, Invoice, Subscription, TestClock } from "./types.ts";

const live = new Set(["trialing", "active", "past_due", "unpaid"]);

interface Step {
  at: number;
  run: () => void;
}

function nextStep(fx: Fake, clock: TestClock, target: number): Step | null {
  const customers = new Set(
    fx.store
      .all<Customer>("customer")
      .filter((c) => c.test_clock === clock.id)
      .map((c) => c.id),
  );
  const steps: Step[] = [];
  for (const sub of fx.store.all<Subscription>("subscription")) {
    if (!customers.has(sub.customer) || !live.has(sub.status)) continue;
    if (sub.status === "trialing" && sub.trial_end && !sub.trialWillEndSent) {
      const at = Math.max(sub.trial_end - 3 * 86_400, clock.frozen_time);
      steps.push({
        at,
        run: () => {
          sub.trialWillEndSent = true;
          fx.bus.emit("customer.subscription.trial_will_end", sub);
        },
      });
    }
    if (sub.status !== "unpaid") steps.push({ at: periodOf(sub).end, run: () => renew(fx, sub) });
  }
  for (const invoice of fx.store.all<Invoice>("invoice")) {
    if (
      !customers.has(invoice.customer) ||
      invoice.status !== "open" ||
      invoice.next_payment_attempt === null
    )
      continue;
    const subId = invoice.parent?.subscription_details.subscription;
    const sub = subId ? (fx.store.find(subId) as Subscription) : null;
    if (sub && !live.has(sub.status)) continue;
    steps.push({ at: invoice.next_payment_attempt, run: () => collect(fx, invoice, sub) });
  }
  const due = steps.filter((s) => s.at <= target).sort((a, b) => a.at - b.at);
  return due[0] ?? null;
}

/** Stripe lets a clock move at most two intervals of the shortest subscription interval on it per advance. */
export function advanceLimit(fx: Fake, clock: TestClock): number {
  const customers = new Set(
    fx.store
      .all<Customer>("customer")
      .filter((c) => c.test_clock === clock.id)
      .map((c) => c.id),
  );
  let limit = Number.POSITIVE_INFINITY;
  for (const sub of fx.store.all<Subscription>("subscription")) {
    const recurring = sub.items.data[0]?.price.recurring;
    if (!customers.has(sub.customer) || !live.has(sub.status) || !recurring) continue;
    limit = Math.min(limit, addInterval(addInterval(clock.frozen_time, recurring), recurring));
  }
  return limit;
}

export function advanceClock(fx: Fake, clock: TestClock, target: number): void {
  clock.status = "advancing";
  fx.bus.emit("test_helpers.test_clock.advancing", clock);
  // Each step moves time forward or retires a one-off action; the bound guards against a logic error looping forever.
  for (let guard = 0; guard < 10_000; guard++) {
    const step = nextStep(fx, clock, target);
    if (!step) break;
    clock.frozen_time = Math.max(clock.frozen_time, step.at);
    step.run();
  }
  clock.frozen_time = target;
  clock.status = "ready";
  fx.bus.emit("test_helpers.test_clock.ready", clock);
}

export const retrySchedule = RETRY_DAYS;
