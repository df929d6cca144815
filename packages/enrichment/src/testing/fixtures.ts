import { systemClock } from "@quarry/core/clock";
import { silentLogger } from "@quarry/core/logger";
import { userActor } from "@quarry/core/service-context";
import { testOutbound } from "@quarry/core/testing/test-outbound";
import { workspaceWithCredits } from "@quarry/credits/testing/fixtures";
import type { Database } from "@quarry/db/client";
import type { ServiceCtx } from "@quarry/db/service-context";
import { toWorkerTaskList } from "@quarry/queue/define-task";
import { insertTestUser } from "@quarry/trpc/testing/test-users";
import type { Role } from "@quarry/workspaces/permissions";
import { Logger as GraphileLogger, type Runner, type RunnerOptions, run, runOnce } from "graphile-worker";
import { sql } from "kysely";
import { insertLookups } from "../queries/lookups.queries.ts";
import { createRun } from "../services/create-run.ts";
import type { EnrichmentDeps } from "../services/deps.ts";
import { enrichmentTasks } from "../tasks/index.ts";

/** A workspace with `credits` available, an owner, and the context services take acting as them. */
export async function enrichmentWorkspace(db: Database, credits: number) {
  const workspaceId = await workspaceWithCredits(db, credits);
  const owner = await memberOf(db, workspaceId, "owner");
  const ctx: ServiceCtx = {
    db,
    workspaceId,
    actor: userActor(owner.user.id),
    log: silentLogger,
    clock: systemClock,
  };
  return { workspaceId, owner, ctx };
}

/** A new user who holds `role` in the workspace (set up directly, not through an invitation). */
export async function memberOf(db: Database, workspaceId: string, role: Role) {
  const user = await insertTestUser(db);
  await db
    .insertInto("memberships")
    .values({ workspace_id: workspaceId, user_id: user.user.id, role })
    .execute();
  return user;
}

/** `n` contacts with distinct addresses `${prefix}0@example.com`, `${prefix}1@example.com` … */
export function contactsByEmail(prefix: string, n: number): Array<{ email: string }> {
  return Array.from({ length: n }, (_, i) => ({ email: `${prefix}${i}@example.com` }));
}

export interface ContactRunSetup {
  /** Credits the workspace starts with. */
  credits: number;
  /** The contacts inserted; the run selects all of them, in this order. */
  contacts: ReadonlyArray<Record<string, string | null>>;
  /** The fields the run fills (default: title). */
  fields?: string[];
}

/**
 * A workspace with `credits`, its `contacts`, and a run over them that fills `fields` without
 * overwriting (created, not worked: run its jobs with runDueJobs or a worker).
 */
export async function startContactRun(db: Database, deps: EnrichmentDeps, setup: ContactRunSetup) {
  const w = await enrichmentWorkspace(db, setup.credits);
  const ids = await insertContacts(db, w.workspaceId, setup.contacts);
  const run = await createContactRun(w.ctx, deps, ids, { fields: setup.fields });
  return { w, ids, run };
}

/** A run over the contacts `ids` that fills `fields` (default: title), created, not worked. */
export function createContactRun(
  ctx: ServiceCtx,
  deps: EnrichmentDeps,
  ids: string[],
  opts: { fields?: string[]; overwrite?: boolean } = {},
) {
  return createRun(ctx, deps, {
    entity: "contact",
    selection: { ids },
    fields: opts.fields ?? ["title"],
    overwrite: opts.overwrite ?? false,
  });
}

export interface EarlierAnswer {
  workspaceId: string;
  runId: string;
  recordId: string;
  provider: string;
  /** The title the provider found, with its confidence; absent: it found nothing. */
  title?: { value: string; confidence: number };
}

/**
 * An earlier claim of the run asked `provider` about `recordId` and its answer was logged with the
 * run; then its worker died before the item moved on, and the reaper put the item back to pending
 * at step 0 with one claim on it.
 */
export async function answeredBeforeWorkerDied(db: Database, a: EarlierAnswer): Promise<void> {
  const found = a.title
    ? [{ field: "title", value: a.title.value, confidence: a.title.confidence, verification: "valid" }]
    : [];
  await insertLookups(db, [
    {
      workspaceId: a.workspaceId,
      runId: a.runId,
      entity: "contact",
      recordId: a.recordId,
      provider: a.provider,
      status: a.title ? "found" : "not_found",
      fields: a.title ? ["title"] : [],
      inputs: {},
      outputs: found,
      errorCode: null,
      cost: 0,
      confidence: a.title?.confidence ?? null,
      latencyMs: 5,
      fetchedAt: new Date(),
    },
  ]);
  await db
    .updateTable("enrichment_run_items")
    .set({ claims: 1 })
    .where("run_id", "=", a.runId)
    .where("record_id", "=", a.recordId)
    .execute();
}

/** Contacts inserted in bulk (fixtures only: the records services are tested elsewhere). */
export async function insertContacts(
  db: Database,
  workspaceId: string,
  rows: ReadonlyArray<Record<string, string | null>>,
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const inserted = await db
      .insertInto("contacts")
      .values(rows.slice(i, i + 500).map((r) => ({ workspace_id: workspaceId, ...r })))
      .returning("id")
      .execute();
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}

/** Runs every enrichment job that is due now, until none is left (graphile-worker runOnce). */
export async function runDueJobs(url: string, db: Database, deps: EnrichmentDeps): Promise<void> {
  await runOnce({
    connectionString: url,
    taskList: toWorkerTaskList(enrichmentTasks(deps), db, testOutbound),
    logger: quietLogger,
  });
}

/** A graphile-worker runner in this process with the enrichment tasks over `deps`. */
export async function startTestWorker(
  url: string,
  db: Database,
  deps: EnrichmentDeps,
  concurrency = 2,
  preset?: RunnerOptions["preset"],
): Promise<Runner> {
  return run({
    connectionString: url,
    concurrency,
    noHandleSignals: true,
    pollInterval: 100,
    preset,
    taskList: toWorkerTaskList(enrichmentTasks(deps), db, testOutbound),
    logger: quietLogger,
  });
}

const quietLogger = new GraphileLogger(() => () => {});

export async function waitFor<T>(
  probe: () => Promise<T | undefined | null | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Item statuses of a run, counted. */
export async function itemCounts(db: Database, runId: string): Promise<Record<string, number>> {
  const { rows } = await sql<{ status: string; n: number }>`
    select status, count(*)::int as n from enrichment_run_items where run_id = ${runId} group by status`.execute(
    db,
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/**
 * Charges of a run (one row per value its captures paid for): one row per (record, field) with how
 * many charges it has and what they cost.
 */
export async function capturesOf(db: Database, runId: string) {
  const { rows } = await sql<{ record_id: string; field: string; n: number; amount: number }>`
    select c.record_id, c.field, count(*)::int as n, sum(c.amount)::int as amount
    from credit_charges c
    where c.run_id = ${runId}
    group by c.record_id, c.field`.execute(db);
  return rows;
}
