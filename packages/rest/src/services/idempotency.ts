import { createHash } from "node:crypto";
import { AppError } from "@quarry/core/app-error";
import { type Clock, DAY } from "@quarry/core/clock";
import type { Database } from "@quarry/db/client";
import { withTx } from "@quarry/db/with-tx";
import type { RestResult } from "../define-route.ts";
import {
  claimIdempotencyKey,
  findIdempotencyKey,
  type IdempotencyScope,
  saveIdempotentResponse,
} from "../queries/idempotency-keys.queries.ts";

/** How long a key's first answer is kept and replayed. */
export const IDEMPOTENCY_TTL_MS = DAY;

export const IDEMPOTENCY_HEADER = "Idempotency-Key";
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** The header's value checked: 1 to 255 visible ASCII characters (a UUID is the usual choice). */
export function parseIdempotencyKey(value: string): string {
  if (!KEY_PATTERN.test(value)) {
    throw new AppError(
      "BAD_REQUEST",
      `${IDEMPOTENCY_HEADER} must be 1 to 255 visible ASCII characters, such as a UUID`,
      { field: IDEMPOTENCY_HEADER },
    );
  }
  return value;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

/** SHA-256 of the method, the path and the body with its keys sorted: what "the same request" means. */
export function requestHash(method: string, path: string, body: unknown): string {
  const text = `${method} ${path}\n${JSON.stringify(canonical(body ?? null))}`;
  return createHash("sha256").update(text).digest("hex");
}

export interface IdempotentResult extends RestResult {
  replayed: boolean;
}

/**
 * Runs a creating request once per idempotency key. The key is claimed in the request's own
 * transaction, so the answer is stored with what the request wrote, or neither is; a failure
 * (an error thrown) rolls the claim back and the same key may be retried. A second request with
 * the key while the first is running waits for it, then gets its answer. The same key with
 * another request (method, path or body) answers 409.
 */
export async function runIdempotent(
  db: Database,
  clock: Clock,
  scope: IdempotencyScope,
  hash: string,
  run: (trx: Database) => Promise<RestResult>,
): Promise<IdempotentResult> {
  return withTx(db, async (trx) => {
    const now = clock.now();
    const expiredBefore = new Date(now.getTime() - IDEMPOTENCY_TTL_MS);
    if (await claimIdempotencyKey(trx, scope, hash, now, expiredBefore)) {
      const result = await run(trx);
      await saveIdempotentResponse(trx, scope, result.status, result.body);
      return { ...result, replayed: false };
    }
    const first = await findIdempotencyKey(trx, scope);
    if (!first || first.status === null) {
      throw new AppError(
        "CONFLICT",
        `A request with this ${IDEMPOTENCY_HEADER} is still in progress: retry it in a moment.`,
        { field: IDEMPOTENCY_HEADER },
      );
    }
    if (first.request_hash !== hash) {
      throw new AppError(
        "CONFLICT",
        `${IDEMPOTENCY_HEADER} was already used with another request (a different endpoint or body) in the last 24 hours: send a new key for a new request.`,
        { field: IDEMPOTENCY_HEADER },
      );
    }
    return { status: first.status, body: first.response_body, replayed: true };
  });
}
