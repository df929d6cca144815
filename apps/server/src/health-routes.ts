import type { Database } from "@quarry/db/client";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";

const READY_TIMEOUT_MS = 2000;

/** /healthz: the process answers. /readyz: and its database does too (load balancers route on it). */
export function registerHealthRoutes(app: FastifyInstance, db: Database): void {
  app.get("/healthz", async () => ({ ok: true }));
  app.get("/readyz", async (request, reply) => {
    try {
      await withTimeout(sql`select 1`.execute(db), READY_TIMEOUT_MS);
      return { ok: true, database: "reachable" };
    } catch (err) {
      request.log.warn({ err }, "readiness check failed");
      return reply.code(503).send({ ok: false, database: "unreachable" });
    }
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
