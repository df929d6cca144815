import type { Env } from "@quarry/core/env";
import type { Database } from "@quarry/db/client";
import { listMail } from "@quarry/mail/services/list-mail";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { isLoopbackAddress } from "../request-origin.ts";
import { renderMailboxPage } from "./mailbox-page.ts";

/** Whether the outbox page exists at all: only in development/test, and only while mail stays in the outbox. */
export function devMailboxEnabled(env: Pick<Env, "NODE_ENV" | "SMTP_URL">): boolean {
  return env.NODE_ENV !== "production" && !env.SMTP_URL;
}

/**
 * Whether this request may see the outbox (reset and invitation links of every user): only from
 * this machine, judged by the TCP peer, never by X-Forwarded-For or request.ip, which a trusted
 * proxy (or a header) decides.
 */
export function mayReadDevMailbox(request: Pick<FastifyRequest, "socket">): boolean {
  return isLoopbackAddress(request.socket.remoteAddress);
}

/**
 * GET /dev/mailbox[?to=address]: the outbox as a page, for someone at this machine. Registered
 * only when devMailboxEnabled; anyone else gets the same 404 as for a path that does not exist.
 */
export function registerDevMailbox(app: FastifyInstance, db: Database): void {
  app.get<{ Querystring: { to?: string } }>("/dev/mailbox", async (request, reply) => {
    if (!mayReadDevMailbox(request)) return reply.callNotFound();
    const to = request.query.to?.trim() || undefined;
    const messages = await listMail(db, { to, limit: 100 });
    return reply
      .type("text/html; charset=utf-8")
      .header("cache-control", "no-store")
      .send(renderMailboxPage(messages, to));
  });
}
