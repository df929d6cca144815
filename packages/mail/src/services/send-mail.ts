import type { Database } from "@quarry/db/client";
import { insertOutboxMail, type OutgoingMail } from "../queries/outbox.queries.ts";
import { deliverMailTask } from "../tasks/deliver-mail.task.ts";

/**
 * Queues a message: it is written to the outbox and a delivery job is added through the same
 * connection, so inside a transaction both commit or neither does.
 */
export async function sendMail(db: Database, mail: OutgoingMail): Promise<{ id: string }> {
  const row = await insertOutboxMail(db, { ...mail, to: mail.to.toLowerCase() });
  await deliverMailTask.enqueue(db, { outboxId: row.id }, { jobKey: `mail:${row.id}`, maxAttempts: 10 });
  return { id: row.id };
}
