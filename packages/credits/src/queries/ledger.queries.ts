import type { Database } from "@quarry/db/client";
import { sql } from "kysely";
import type { Account, EntryKind } from "../schemas/ledger.ts";

/** Advisory-lock namespace of the credits ledger (two-key form: namespace, hash of the workspace id). */
const LEDGER_LOCK = 7312;
/** Advisory-lock namespace of single holds (namespace, hash of the hold id). */
const HOLD_LOCK = 7313;

/**
 * Serialises balance changes of one workspace until the surrounding transaction ends, so two
 * holds checked at the same moment cannot both spend the same credits. Every entry that changes
 * available credits (grant, purchase, adjustment, hold, release, refund) takes it first, so the
 * `credit_balances` row read under it is exact and its row lock never makes anyone wait longer.
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

function transactionRow(t: NewTransaction) {
  return {
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
  };
}

/**
 * Inserts a transaction unless one already holds its idempotency key (or its refund
 * key): then returns undefined and writes nothing, without aborting the surrounding transaction.
 */
export async function insertTransaction(db: Database, t: NewTransaction) {
  return (await insertTransactions(db, [t]))[0];
}

/**
 * Inserts many transactions in one statement, in the order given; those whose idempotency key or
 * refund key is already taken (also by a concurrent writer, once it commits) are skipped:
 * only the rows written come back.
 */
export async function insertTransactions(db: Database, ts: readonly NewTransaction[]) {
  if (ts.length === 0) return [];
  return db
    .insertInto("credit_transactions")
    .values(ts.map(transactionRow))
    .onConflict((oc) => oc.doNothing())
    .returning(["id", "created_at", "idempotency_key"])
    .execute();
}

export interface NewPosting {
  transactionId: string;
  workspaceId: string;
  /** The transaction's own created_at: a transaction's postings share its time. */
  createdAt: Date;
  account: Account;
  amount: number;
}

/** One statement for any number of postings, of one transaction or many. */
export async function insertPostings(db: Database, postings: readonly NewPosting[]): Promise<void> {
  if (postings.length === 0) return;
  await db
    .insertInto("credit_postings")
    .values(
      postings.map((p) => ({
        transaction_id: p.transactionId,
        workspace_id: p.workspaceId,
        account: p.account,
        amount: p.amount,
        created_at: p.createdAt,
      })),
    )
    .execute();
}

/** The change a transaction made to one account (0 when it has no posting there), from the lateral `d`. */
const delta = (account: Account) =>
  sql<number>`coalesce(sum(p.amount) filter (where p.account = ${account}), 0)::int8`;

function selectEntries(db: Database, workspaceId: string) {
  return (
    db
      .selectFrom("credit_transactions as t")
      // One scan of the transaction's postings (primary key) for the three changes.
      .innerJoinLateral(
        (eb) =>
          eb
            .selectFrom("credit_postings as p")
            .select([
              delta("available").as("available"),
              delta("held").as("held"),
              delta("spent").as("spent"),
            ])
            .whereRef("p.transaction_id", "=", "t.id")
            .as("d"),
        (join) => join.onTrue(),
      )
      // A capture pays for the values of one provider call (its charges): it names the value when
      // it paid for one. One probe of the charges' capture index per entry.
      .leftJoinLateral(
        (eb) =>
          eb
            .selectFrom("credit_charges as c")
            .select([
              sql<string | null>`case when count(*) = 1 then min(c.record_id::text) end`.as("record_id"),
              sql<string | null>`case when count(*) = 1 then min(c.field) end`.as("field"),
            ])
            .whereRef("c.capture_id", "=", "t.id")
            .whereRef("c.workspace_id", "=", "t.workspace_id")
            .as("v"),
        (join) => join.onTrue(),
      )
      .select([
        "t.id",
        "t.kind",
        "t.idempotency_key",
        "t.run_id",
        sql<string | null>`coalesce(t.record_id, v.record_id::uuid)`.as("record_id"),
        sql<string | null>`coalesce(t.field, v.field)`.as("field"),
        "t.provider",
        "t.hold_id",
        "t.capture_id",
        "t.memo",
        "t.created_at",
        sql<string>`t.created_at::text`.as("created_at_key"),
        "d.available",
        "d.held",
        "d.spent",
      ])
      .where("t.workspace_id", "=", workspaceId)
  );
}

export type EntryRow = NonNullable<Awaited<ReturnType<typeof findEntryByKey>>>;

export async function findEntryByKey(db: Database, workspaceId: string, idempotencyKey: string) {
  return selectEntries(db, workspaceId).where("t.idempotency_key", "=", idempotencyKey).executeTakeFirst();
}

/** The refund of one charge: the value (record, field) its capture paid for. */
export async function findRefundOf(
  db: Database,
  workspaceId: string,
  charge: { captureId: string; recordId: string; field: string },
) {
  return selectEntries(db, workspaceId)
    .where("t.kind", "=", "refund")
    .where("t.capture_id", "=", charge.captureId)
    .where("t.record_id", "=", charge.recordId)
    .where("t.field", "=", charge.field)
    .executeTakeFirst();
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
