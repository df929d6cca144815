import type { Database } from "@quarry/db/client";
import {
  type EntryRow,
  findEntryByKey,
  insertPostings,
  insertTransaction,
  type NewTransaction,
} from "../queries/ledger.queries.ts";
import type { Account, EntryKind } from "../schemas/ledger.ts";
import { sameKind } from "./ledger-input.ts";

/**
 * Writes one balanced transaction: the entry and its postings (which sum to zero; a deferred
 * trigger checks that at commit). Returns null, writing nothing, when the idempotency key or the
 * entry's refund key (one per charge) is already taken: the caller then answers with the first result.
 * Call it with the ledger locked, inside the transaction.
 */
export async function postEntry(
  trx: Database,
  entry: NewTransaction,
  postings: ReadonlyArray<{ account: Account; amount: number }>,
): Promise<{ id: string } | null> {
  const row = await insertTransaction(trx, entry);
  if (!row) return null;
  await insertPostings(
    trx,
    postings.map((p) => ({
      transactionId: row.id,
      workspaceId: entry.workspaceId,
      createdAt: row.created_at,
      account: p.account,
      amount: p.amount,
    })),
  );
  return { id: row.id };
}

/** The entry written earlier under this key, if any; CONFLICT when it is of another kind. */
export async function priorEntry(
  trx: Database,
  workspaceId: string,
  key: string,
  kinds: readonly EntryKind[],
): Promise<EntryRow | undefined> {
  const entry = await findEntryByKey(trx, workspaceId, key);
  return entry && sameKind(entry, kinds, key);
}
