import type { Database } from "@quarry/db/client";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export async function insertOutboxMail(db: Database, mail: OutgoingMail) {
  return db
    .insertInto("outbox")
    .values({
      to_address: mail.to,
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html ?? null,
    })
    .returning(["id", "created_at"])
    .executeTakeFirstOrThrow();
}

export async function findOutboxMail(db: Database, id: string) {
  return db.selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function markOutboxMailSent(db: Database, id: string, at: Date) {
  await db
    .updateTable("outbox")
    .set({ sent_at: at })
    .where("id", "=", id)
    .where("sent_at", "is", null)
    .execute();
}

/** Newest first; optionally only mail to one address (the dev mailbox and tests read it this way). */
export async function listOutboxMail(db: Database, opts: { to?: string; limit?: number } = {}) {
  let q = db
    .selectFrom("outbox")
    .selectAll()
    .orderBy("created_at", "desc")
    .limit(opts.limit ?? 50);
  if (opts.to) q = q.where("to_address", "=", opts.to.toLowerCase());
  return q.execute();
}
