import { type Kysely, sql } from "kysely";

/**
 * A run's progress (items per status) kept in a few counter rows, so watching a run reads
 * ≤ batch_count small rows per poll instead of counting its items (up to records × fields).
 *
 * One row per (run, batch): a batch is worked by one job at a time, so each row has one writer
 * and a provider call's settle does not queue behind the run's other calls on a shared row lock
 * (one row per run would serialise them). The rows are kept by statement-level triggers on
 * enrichment_run_items with transition tables: each statement's changes are summed per (run,
 * batch) and added in one write, and no service code can forget them. Items are only inserted
 * when a run is created, so the insert trigger seeds the rows; updates and deletes only adjust
 * existing rows (a run's delete cascades to both tables). A statement touching several batches
 * (cancelling a run's pending items, the reaper) locks their rows in (run, batch) order, so two of
 * them cannot deadlock on each other.
 *
 * Existing runs are counted once here; the triggers are created first, and their lock on the
 * items table is held until this migration commits, so no change falls between the two.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table enrichment_run_progress (
      run_id uuid not null references enrichment_runs(id) on delete cascade,
      batch integer not null,
      workspace_id uuid not null references workspaces(id) on delete cascade,
      pending integer not null default 0,
      claimed integer not null default 0,
      found integer not null default 0,
      not_found integer not null default 0,
      failed integer not null default 0,
      skipped integer not null default 0,
      cancelled integer not null default 0,
      updated_at timestamptz not null default now(),
      primary key (run_id, batch)
    );
    create index enrichment_run_progress_workspace_idx on enrichment_run_progress (workspace_id);

    -- Inserts seed (or add to) the rows; updates and deletes add their deltas row by row in
    -- (run, batch) order, skipping batches whose counts did not change (a claim touch, a retry).
    create function enrichment_run_progress_insert() returns trigger language plpgsql as $$
    begin
      insert into enrichment_run_progress as p (run_id, batch, workspace_id, pending, claimed, found, not_found, failed, skipped, cancelled)
        select run_id, batch, workspace_id,
          count(*) filter (where status = 'pending'),
          count(*) filter (where status = 'claimed'),
          count(*) filter (where status = 'found'),
          count(*) filter (where status = 'not_found'),
          count(*) filter (where status = 'failed'),
          count(*) filter (where status = 'skipped'),
          count(*) filter (where status = 'cancelled')
        from n group by run_id, batch, workspace_id order by run_id, batch
      on conflict (run_id, batch) do update set
        pending = p.pending + excluded.pending, claimed = p.claimed + excluded.claimed, found = p.found + excluded.found, not_found = p.not_found + excluded.not_found, failed = p.failed + excluded.failed, skipped = p.skipped + excluded.skipped, cancelled = p.cancelled + excluded.cancelled, updated_at = now();
      return null;
    end $$;

    create function enrichment_run_progress_update() returns trigger language plpgsql as $$
    declare d record;
    begin
      for d in
        select run_id, batch,
          coalesce(sum(k) filter (where status = 'pending'), 0)::int as pending,
          coalesce(sum(k) filter (where status = 'claimed'), 0)::int as claimed,
          coalesce(sum(k) filter (where status = 'found'), 0)::int as found,
          coalesce(sum(k) filter (where status = 'not_found'), 0)::int as not_found,
          coalesce(sum(k) filter (where status = 'failed'), 0)::int as failed,
          coalesce(sum(k) filter (where status = 'skipped'), 0)::int as skipped,
          coalesce(sum(k) filter (where status = 'cancelled'), 0)::int as cancelled
        from (select run_id, batch, status, 1 as k from n union all select run_id, batch, status, -1 from o) c
        group by run_id, batch order by run_id, batch
      loop
        if d.pending <> 0 or d.claimed <> 0 or d.found <> 0 or d.not_found <> 0 or d.failed <> 0 or d.skipped <> 0 or d.cancelled <> 0 then
          update enrichment_run_progress p set pending = p.pending + d.pending, claimed = p.claimed + d.claimed, found = p.found + d.found, not_found = p.not_found + d.not_found, failed = p.failed + d.failed, skipped = p.skipped + d.skipped, cancelled = p.cancelled + d.cancelled, updated_at = now()
            where p.run_id = d.run_id and p.batch = d.batch;
        end if;
      end loop;
      return null;
    end $$;

    create function enrichment_run_progress_delete() returns trigger language plpgsql as $$
    declare d record;
    begin
      for d in
        select run_id, batch,
          coalesce(sum(k) filter (where status = 'pending'), 0)::int as pending,
          coalesce(sum(k) filter (where status = 'claimed'), 0)::int as claimed,
          coalesce(sum(k) filter (where status = 'found'), 0)::int as found,
          coalesce(sum(k) filter (where status = 'not_found'), 0)::int as not_found,
          coalesce(sum(k) filter (where status = 'failed'), 0)::int as failed,
          coalesce(sum(k) filter (where status = 'skipped'), 0)::int as skipped,
          coalesce(sum(k) filter (where status = 'cancelled'), 0)::int as cancelled
        from (select run_id, batch, status, -1 as k from o) c
        group by run_id, batch order by run_id, batch
      loop
        update enrichment_run_progress p set pending = p.pending + d.pending, claimed = p.claimed + d.claimed, found = p.found + d.found, not_found = p.not_found + d.not_found, failed = p.failed + d.failed, skipped = p.skipped + d.skipped, cancelled = p.cancelled + d.cancelled, updated_at = now()
          where p.run_id = d.run_id and p.batch = d.batch;
      end loop;
      return null;
    end $$;

    create trigger enrichment_run_items_progress_insert after insert on enrichment_run_items
      referencing new table as n for each statement execute function enrichment_run_progress_insert();
    create trigger enrichment_run_items_progress_update after update on enrichment_run_items
      referencing old table as o new table as n for each statement execute function enrichment_run_progress_update();
    create trigger enrichment_run_items_progress_delete after delete on enrichment_run_items
      referencing old table as o for each statement execute function enrichment_run_progress_delete();

    insert into enrichment_run_progress (run_id, batch, workspace_id, pending, claimed, found, not_found, failed, skipped, cancelled)
      select run_id, batch, workspace_id,
        count(*) filter (where status = 'pending'),
        count(*) filter (where status = 'claimed'),
        count(*) filter (where status = 'found'),
        count(*) filter (where status = 'not_found'),
        count(*) filter (where status = 'failed'),
        count(*) filter (where status = 'skipped'),
        count(*) filter (where status = 'cancelled')
      from enrichment_run_items group by run_id, batch, workspace_id;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Production only moves forward: write a new migration instead.");
}
