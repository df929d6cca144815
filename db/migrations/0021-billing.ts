import { type Kysely, sql } from "kysely";

/**
 * Billing (docs/billing.md). One row of billing state per workspace, written from Stripe's
 * webhooks; `stripe_events` is the webhook inbox (the event id is the key, so a delivery Stripe
 * repeats is stored once); `billing_history` is the append-only record of every lifecycle and
 * dunning step the workspace's billing page and support read.
 *
 * Ordering: Stripe does not deliver events in order. `subscription_event_created` is the Stripe
 * `created` time of the newest subscription event applied; an older one is ignored.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table workspace_billing (
      workspace_id uuid primary key references workspaces(id) on delete cascade,
      plan text not null default 'free' check (plan in ('free', 'starter', 'pro', 'enterprise')),
      status text not null default 'free'
        check (status in ('trialing', 'active', 'past_due', 'canceled', 'free')),
      trial_ends_at timestamptz,
      stripe_customer_id text unique,
      stripe_subscription_id text unique,
      current_period_end timestamptz,
      cancel_at_period_end boolean not null default false,
      past_due_since timestamptz,
      subscription_event_created timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create trigger workspace_billing_updated_at before update on workspace_billing
      for each row execute function set_updated_at();

    create table stripe_events (
      id text primary key,
      type text not null,
      -- Stripe's created time of the event, not when it arrived.
      created timestamptz not null,
      payload jsonb not null,
      received_at timestamptz not null default now(),
      processed_at timestamptz,
      -- What processing did: applied, ignored (unknown type, stale, no workspace), or null while pending.
      outcome text check (outcome in ('applied', 'ignored')),
      workspace_id uuid references workspaces(id) on delete set null,
      attempts integer not null default 0,
      last_error text
    );
    create index stripe_events_workspace_idx on stripe_events (workspace_id) where workspace_id is not null;
    create index stripe_events_pending_idx on stripe_events (received_at) where processed_at is null;

    create table billing_history (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      kind text not null check (length(kind) between 1 and 100),
      detail jsonb not null default '{}'::jsonb,
      amount_cents bigint,
      stripe_object_id text,
      -- The Stripe event that wrote the row: one row per event and kind, however often it is delivered.
      stripe_event_id text,
      occurred_at timestamptz not null,
      created_at timestamptz not null default now(),
      constraint billing_history_event_kind unique (stripe_event_id, kind)
    );
    create index billing_history_workspace_idx on billing_history (workspace_id, occurred_at desc, id desc);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Production only moves forward: write a new migration instead.");
}
