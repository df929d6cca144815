import type { FastifyReply, FastifyRequest } from "fastify";
import { trpcErrorBody } from "./trpc-error-body.ts";

/** Calls in one tRPC batch at most; the web client's batch link sends no more (apps/web trpc.ts). */
export const MAX_BATCH_SIZE = 50;

/** How many procedure calls a /trpc request carries: the comma-separated paths of a batch, else 1. */
export function batchCallCount(url: string): number {
  const [pathname = "", search = ""] = url.split("?", 2);
  if (new URLSearchParams(search).get("batch") !== "1") return 1;
  const last = pathname.slice(pathname.lastIndexOf("/") + 1);
  let paths = last;
  try {
    paths = decodeURIComponent(last);
  } catch {
    // tRPC answers a malformed path itself
  }
  return paths.split(",").length;
}

/**
 * onRequest hook for /trpc: a batch of more than MAX_BATCH_SIZE calls is refused before any of
 * them runs (one request must not hold a database connection for hundreds of queries).
 */
export async function trpcBatchGuard(request: FastifyRequest, reply: FastifyReply) {
  const calls = batchCallCount(request.url);
  if (calls <= MAX_BATCH_SIZE) return;
  return reply
    .code(400)
    .send(
      trpcErrorBody(
        400,
        "BAD_REQUEST",
        `A batch may hold at most ${MAX_BATCH_SIZE} calls; this one has ${calls} (request id ${request.id}).`,
      ),
    );
}
