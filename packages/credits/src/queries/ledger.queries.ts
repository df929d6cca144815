import type { Database } from "@quarry/db/client";
import { sql } from "kysely";
import type { Account, EntryKind } from "../schemas/ledger.ts";

/** Advisory-lock namespace of the credits ledger (two-key form: namespace, hash of the workspace id). */
const LEDGER_LOCK = 7312;
/** Advisory-lock namespace of single holds (namespace, hash of the hold id). */
const HOLD_LOCK = 7313;

/**
 * Serialises balance changes of one workspace until the surrounding transaction ends, so two
 * holds checked at the same moment cannot both spend the same credits.
 */
export async function lockLedger(db: Database, workspaceId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(${LEDGER_LOCK}, hashtext(${workspaceId}))`.execute(db);
}

/**
 * Serialises the writes to one hold (captures and its release), so its remainder is read and spent
 * consistently. Captures take only this lock, not the workspace's: they move held → spent and never
 * change what is available, so they need not wait for other runs' holds and grants.
 */
export async function lockHold(db: Database, holdId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(${HOLD_LOCK}, hashtext(${holdId}))`.execute(db);
}

/** Sum of postings per account: the workspace's balances. Index-only over (workspace_id, account). */
export async function sumAccounts(db: Database, workspaceId: string) {
  return db
    .selectFrom("credit_postings")
    .select(["account", sql<number>`coalesce(sum(amount), 0)::int8`.as("total")])
    .where("workspace_id", "=", workspaceId)
    .groupBy("account")
    .execute();
}

export interface NewTransaction {
  workspaceId: string;
  kind: EntryKind;
  idempotencyKey: string;
  runId?: string | null;
  recordId?: string | null;
  field?: string | null;
  provider?: string | null;
  holdId?: string | null;
  captureId?: string | null;
  memo?: string;
  actorId?: string | null;
}

/**
 * Inserts a transaction unless one already holds its idempotency key (or its charge / refund
 * key): then returns undefined and writes nothing, without aborting the surrounding transaction.
 */
export async function insertTransaction(db: Database, t: NewTransaction) {
  return db
    .insertInto("credit_transactions")
    .values({
      workspace_id: t.workspaceId,
      kind: t.kind,
      idempotency_key: t.idempotencyKey,
      run_id: t.runId ?? null,
      record_id: t.recordId ?? null,
      field: t.field ?? null,
      provider: t.provider ?? null,
      hold_id: t.holdId ?? null,
      capture_id: t.captureId ?? null,
      memo: t.memo ?? "",
      actor_id: t.actorId ?? null,
    })
    .onConflict((oc) => oc.doNothing())
    .returning(["id", "created_at"])
    .executeTakeFirst();
}

export async function insertPostings(
  db: Database,
  tx: { id: string; workspaceId: string; createdAt: Date },
  postings: ReadonlyArray<{ account: Account; amount: number }>,
): Promise<void> {
  await db
    .insertInto("credit_postings")
    .values(
      postings.map((p) => ({
        transaction_id: tx.id,
        workspace_id: tx.workspaceId,
        account: p.account,
        amount: p.amount,
        created_at: tx.createdAt,
      })),
    )
    .execute();
}

/** The change a transaction made to one account (0 when it has no posting there). */
const delta = (account: Account) =>
  sql<number>`(select coalesce(sum(p.amount), 0)::int8 from credit_postings p
    where p.transaction_id = t.id and p.account = ${account})`;

function selectEntries(db: Database, workspaceId: string) {
  return db
    .selectFrom("credit_transactions as t")
    .select([
      "t.id",
      "t.kind",
      "t.idempotency_key",
      "t.run_id",
      "t.record_id",
      "t.field",
      "t.provider",
      "t.hold_id",
      "t.capture_id",
      "t.memo",
      "t.created_at",
      sql<string>`t.created_at::text`.as("created_at_key"),
      delta("available").as("available"),
      delta("held").as("held"),
      delta("spent").as("spent"),
    ])
    .where("t.workspace_id", "=", workspaceId);
}

export type EntryRow = NonNullable<Awaited<ReturnType<typeof findEntryByKey>>>;

export async function findEntryByKey(db: Database, workspaceId: string, idempotencyKey: string) {
  return selectEntries(db, workspaceId).where("t.idempotency_key", "=", idempotencyKey).executeTakeFirst();
}

export async function findEntry(db: Database, workspaceId: string, id: string) {
  return selectEntries(db, workspaceId).where("t.id", "=", id).executeTakeFirst();
}

/** The charge already made for a (run, record, field), under whatever key. */
export async function findCharge(
  db: Database,
  workspaceId: string,
  charge: { runId: string; recordId: string; field: string },
) {
  return selectEntries(db, workspaceId)
    .where("t.kind", "=", "capture")
    .where("t.run_id", "=", charge.runId)
    .where("t.record_id", "=", charge.recordId)
    .where("t.field", "=", charge.field)
    .executeTakeFirst();
}

export async function findRefundOf(db: Database, workspaceId: string, captureId: string) {
  return selectEntries(db, workspaceId)
    .where("t.kind", "=", "refund")
    .where("t.capture_id", "=", captureId)
    .executeTakeFirst();
}

/** What is left of a hold: its amount less what was captured or released against it. */
export async function holdRemainder(db: Database, workspaceId: string, holdId: string): Promise<number> {
  const row = await db
    .selectFrom("credit_postings as p")
    .innerJoin("credit_transactions as t", "t.id", "p.transaction_id")
    .select(sql<number>`coalesce(sum(p.amount), 0)::int8`.as("remainder"))
    .where("t.workspace_id", "=", workspaceId)
    .where((eb) => eb.or([eb("t.id", "=", holdId), eb("t.hold_id", "=", holdId)]))
    .where("p.account", "=", "held")
    .executeTakeFirst();
  return row?.remainder ?? 0;
}

/** Credits spent by one run: its captures less their refunds. */
export async function spentInRun(db: Database, workspaceId: string, runId: string): Promise<number> {
  const row = await db
    .selectFrom("credit_postings as p")
    .innerJoin("credit_transactions as t", "t.id", "p.transaction_id")
    .select(sql<number>`coalesce(sum(p.amount), 0)::int8`.as("spent"))
    .where("t.workspace_id", "=", workspaceId)
    .where("t.run_id", "=", runId)
    .where("p.account", "=", "spent")
    .executeTakeFirst();
  return row?.spent ?? 0;
}

/** Credits spent in the current calendar month (UTC), from `spent` postings: captures less refunds. */
export async function spentThisMonth(db: Database, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom("credit_postings")
    .select(sql<number>`coalesce(sum(amount), 0)::int8`.as("spent"))
    .where("workspace_id", "=", workspaceId)
    .where("account", "=", "spent")
    .where("created_at", ">=", sql<Date>`date_trunc('month', now() at time zone 'UTC') at time zone 'UTC'`)
    .executeTakeFirst();
  return row?.spent ?? 0;
}

/** Newest first; `before` is the (created_at, id) of the last entry already shown. */
export async function listEntryRows(
  db: Database,
  q: { workspaceId: string; before: { createdAt: string; id: string } | null; limit: number },
) {
  let query = selectEntries(db, q.workspaceId);
  if (q.before) {
    const { createdAt, id } = q.before;
    query = query.where(sql<boolean>`(t.created_at, t.id) < (${createdAt}::timestamptz, ${id}::uuid)`);
  }
  return query.orderBy("t.created_at", "desc").orderBy("t.id", "desc").limit(q.limit).execute();
}
