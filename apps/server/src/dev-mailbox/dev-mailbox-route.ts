import type { Database } from "@quarry/db/client";
import { listMail } from "@quarry/mail/services/list-mail";
import type { FastifyInstance } from "fastify";
import { renderMailboxPage } from "./mailbox-page.ts";

/** GET /dev/mailbox[?to=address]: the outbox as a page. Registered only outside production. */
export function registerDevMailbox(app: FastifyInstance, db: Database): void {
  app.get<{ Querystring: { to?: string } }>("/dev/mailbox", async (request, reply) => {
    const to = request.query.to?.trim() || undefined;
    const messages = await listMail(db, { to, limit: 100 });
    return reply
      .type("text/html; charset=utf-8")
      .header("cache-control", "no-store")
      .send(renderMailboxPage(messages, to));
  });
}
