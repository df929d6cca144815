import type pg from "pg";
import type { Expected } from "./events.ts";

/** Waits until the worker has processed every stored event; returns when that was (ms since epoch). */
export async function waitAllProcessed(
  pool: pg.Pool,
  expectedEvents: number,
  timeoutMs: number,
  workerGone: () => boolean,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (workerGone()) throw new Error("the worker process exited");
    const { rows } = await pool.query<{ done: number }>(
      "select count(*) filter (where processed_at is not null)::int as done from stripe_events",
    );
    if ((rows[0]?.done ?? 0) >= expectedEvents) return Date.now();
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not every event was processed within ${timeoutMs} ms`);
}

/**
 * Applications beyond one per event, counted from the database: monthly grants beyond one per
 * paid invoice, invoice history rows beyond one per invoice event, inbox rows beyond one per
 * event, and processing attempts beyond one.
 */
export async function duplicatesApplied(pool: pg.Pool, expected: Expected): Promise<number> {
  const { rows } = await pool.query<{
    grants: number;
    history: number;
    events: number;
    extra_attempts: number;
  }>(`
    select
      (select count(*)::int from credit_transactions where idempotency_key like 'stripe-invoice:%') as grants,
      (select count(*)::int from billing_history where kind in ('invoice_paid', 'payment_failed')) as history,
      (select count(*)::int from stripe_events) as events,
      (select coalesce(sum(attempts - 1), 0)::int from stripe_events) as extra_attempts`);
  const r = rows[0];
  if (!r) throw new Error("no counts");
  return (
    Math.max(0, r.grants - expected.paidInvoices) +
    Math.max(0, r.history - expected.historyRows) +
    Math.max(0, r.events - expected.uniqueEvents) +
    r.extra_attempts
  );
}

/** Events that were not applied although they should have been (the bench then fails loudly). */
export async function missingApplications(pool: pg.Pool, expected: Expected): Promise<number> {
  const { rows } = await pool.query<{ grants: number; history: number }>(`
    select
      (select count(*)::int from credit_transactions where idempotency_key like 'stripe-invoice:%') as grants,
      (select count(*)::int from billing_history where kind in ('invoice_paid', 'payment_failed')) as history`);
  const r = rows[0];
  return (
    Math.max(0, expected.paidInvoices - (r?.grants ?? 0)) +
    Math.max(0, expected.historyRows - (r?.history ?? 0))
  );
}
