import { randomUUID } from "node:crypto";
import { badInput } from "@quarry/core/app-error";
import type { Database } from "@quarry/db/client";
import type { ServiceCtx } from "@quarry/db/service-context";
import { withTx } from "@quarry/db/with-tx";
import { captureWhenClear, findChargesOrKeys, insertCapture } from "../queries/charges.queries.ts";
import { findHoldWithRemainder } from "../queries/holds.queries.ts";
import { lockHold } from "../queries/ledger.queries.ts";
import { requireHold } from "./find-hold.ts";
import { requireCredits, requireId, requireKey, sameKind } from "./ledger-input.ts";

export interface CaptureChargesParams {
  holdId: string;
  runId: string;
  provider: string;
  /**
   * One per value found: charged once per (run, record, field), key `capture:<runId>:<recordId>:<field>`
   * unless `idempotencyKey` names another (a key already used by a charge counts as charged).
   */
  charges: ReadonlyArray<{ recordId: string; field: string; amount: number; idempotencyKey?: string }>;
}

export type CaptureChargesResult = { captured: true; charged: number } | { captured: false };

/** Charges per call: keeps each statement well inside PostgreSQL's 65,535 parameters. */
export const MAX_CHARGES_PER_CALL = 1000;

interface Charge {
  recordId: string;
  field: string;
  amount: number;
  key: string;
}

const pairOf = (recordId: string | null, field: string | null) => `${recordId}\u0000${field}`;

/**
 * Charges the values found against a hold (held → spent), all or nothing, as one ledger capture
 * for the call — one transaction, two postings, whatever the number of values — with one charge row
 * per value (credit_charges: the exactly-once key (run, record, field) and the value's idempotency
 * key). Two statements however many, in the common case: lock the hold; then one that reads the
 * hold, its remainder and what is already charged and, when the new charges fit, writes them, the
 * capture and its postings (the lock is held only for that statement and the commit). When they do
 * not (or the hold or a key is wrong) nothing is written and it looks closer: the hold, what is
 * charged, then refuses, names the error or writes what is new. Returns `{ captured: true,
 * charged }` with how many charges were newly written — a (run, record, field) already charged,
 * under whatever key, or named twice in the call is charged once — or `{ captured: false }`,
 * writing nothing, when the new charges together exceed the hold's remainder (hold − captured −
 * released; 0 once released). Amounts of 0 count as captured without writing. Takes only the hold's
 * lock (see lockHold); runs inside `ctx.db` when it is a transaction. A call whose charges were all
 * made before answers `captured` before the hold is checked, as a retried single capture always did.
 */
export async function captureCharges(
  ctx: ServiceCtx,
  input: CaptureChargesParams,
): Promise<CaptureChargesResult> {
  const holdId = requireId("holdId", input.holdId);
  const runId = requireId("runId", input.runId).toLowerCase();
  const provider = requireKey("provider", input.provider);
  const charges = readCharges(runId, input.charges);

  const { workspaceId } = ctx;
  return withTx(ctx.db, async (trx) => {
    await lockHold(trx, holdId);
    const capture = { id: randomUUID(), workspaceId, holdId, runId, provider };
    // Most calls: one statement while the hold is locked. Otherwise (nothing written) look closer.
    const fast = await captureWhenClear(trx, { ...capture, charges: charges.filter((c) => c.amount > 0) });
    if (fast.clear) {
      if (fast.written.length < fast.fresh)
        await confirmSkipped(trx, workspaceId, runId, fast.written, charges);
      return { captured: true, charged: fast.written.length };
    }
    const hold = await findHoldWithRemainder(trx, workspaceId, holdId);
    const fresh = await unchargedOf(trx, workspaceId, runId, charges);
    if (fresh.length === 0 && charges.length > 0) return { captured: true, charged: 0 };
    const payer = requireHold(hold, runId);
    const toWrite = fresh.filter((c) => c.amount > 0);
    if (toWrite.reduce((sum, c) => sum + c.amount, 0) > payer.remainder) return { captured: false };

    const written = await insertCapture(trx, { ...capture, memo: payer.memo, charges: toWrite });
    await confirmSkipped(trx, workspaceId, runId, written, toWrite);
    return { captured: true, charged: written.length };
  });
}

/**
 * Charges not written though asked for must have been charged by a concurrent writer (e.g. under
 * another hold of the run) — once, by them — or already before.
 */
async function confirmSkipped(
  trx: Database,
  workspaceId: string,
  runId: string,
  written: readonly string[],
  asked: readonly Charge[],
): Promise<void> {
  const mine = new Set(written);
  const missing = asked.filter((c) => c.amount > 0 && !mine.has(c.key));
  if (missing.length === 0) return;
  if ((await unchargedOf(trx, workspaceId, runId, missing)).length > 0) {
    throw new Error(`charges of run ${runId} were neither written nor found`);
  }
}

/**
 * Validates each charge (errors name `charges[i].<field>`), keeps the first of any that share a
 * (record, field) or a key, and sorts them: concurrent writers insert overlapping charges in one
 * order, so they wait on each other instead of deadlocking.
 */
function readCharges(runId: string, input: CaptureChargesParams["charges"]): Charge[] {
  if (!Array.isArray(input)) throw badInput("charges", "charges must be a list");
  if (input.length > MAX_CHARGES_PER_CALL) {
    throw badInput("charges", `charges must list at most ${MAX_CHARGES_PER_CALL} values per call`);
  }
  const pairs = new Set<string>();
  const keys = new Set<string>();
  const charges: Charge[] = [];
  input.forEach((c, i) => {
    const recordId = requireId(`charges[${i}].recordId`, c.recordId).toLowerCase();
    const field = requireKey(`charges[${i}].field`, c.field);
    const amount = requireCredits(`charges[${i}].amount`, c.amount, { allowZero: true });
    const key =
      c.idempotencyKey === undefined
        ? defaultKey(`charges[${i}].field`, runId, recordId, field)
        : requireKey(`charges[${i}].idempotencyKey`, c.idempotencyKey);
    const pair = pairOf(recordId, field);
    if (pairs.has(pair) || keys.has(key)) return;
    pairs.add(pair);
    keys.add(key);
    charges.push({ recordId, field, amount, key });
  });
  return charges.sort((a, b) =>
    a.recordId === b.recordId ? cmp(a.field, b.field) : cmp(a.recordId, b.recordId),
  );
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function defaultKey(name: string, runId: string, recordId: string, field: string): string {
  const key = `capture:${runId}:${recordId}:${field}`;
  if (key.length > 200) {
    throw badInput(name, `${name} must be at most ${200 - (key.length - field.length)} characters`);
  }
  return key;
}

/**
 * The charges not made yet. Made: the run already has a charge of the (record, field), or the
 * charge's key was used by a charge. A key used by another kind of entry is CONFLICT.
 */
async function unchargedOf(
  trx: Database,
  workspaceId: string,
  runId: string,
  charges: readonly Charge[],
): Promise<Charge[]> {
  const taken = await findChargesOrKeys(trx, workspaceId, {
    runId,
    pairs: charges,
    keys: charges.map((c) => c.key),
  });
  const byKey = new Map(taken.map((t) => [t.idempotency_key, t]));
  const charged = new Set(
    taken.filter((t) => t.kind === "capture" && t.run_id === runId).map((t) => pairOf(t.record_id, t.field)),
  );
  return charges.filter((c) => {
    const prior = byKey.get(c.key);
    if (prior) {
      sameKind(prior, ["capture"], c.key);
      return false;
    }
    return !charged.has(pairOf(c.recordId, c.field));
  });
}
