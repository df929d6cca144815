import type { Database } from "./client.ts";

/** Runs fn in a transaction, or inside the one `db` already is. */
export async function withTx<T>(db: Database, fn: (trx: Database) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db);
  return db.transaction().execute(fn);
}
