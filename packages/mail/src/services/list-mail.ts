import type { Database } from "@quarry/db/client";
import { listOutboxMail } from "../queries/outbox.queries.ts";

/** The outbox, newest first: what /dev/mailbox shows and what tests read tokens from. */
export async function listMail(db: Database, opts: { to?: string; limit?: number } = {}) {
  return listOutboxMail(db, opts);
}
