import type { ListScope } from "../queries/list-records.queries.ts";

/** How long a planner estimate is reused, and for how many scopes at most (per server process). */
export const ESTIMATE_TTL_MS = 60_000;
const MAX_ENTRIES = 1_000;

const entries = new Map<string, { value: number; until: number }>();

function keyOf(scope: ListScope): string {
  return JSON.stringify([scope.entity.table, scope.workspaceId, scope.deleted, scope.tsquery, scope.filter]);
}

/**
 * The planner's estimate of a list scope, reused for a minute. It is an estimate already (it moves
 * when PostgreSQL re-analyzes the table), so a minute-old one is as good; it saves planning a
 * statement on every first page (the grid refetches page 1 after each edit, on focus, per user).
 * Exact totals are never cached: they are counted on every first page that needs them.
 */
export async function cachedEstimate(scope: ListScope, estimate: () => Promise<number>): Promise<number> {
  const key = keyOf(scope);
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && hit.until > now) return hit.value;
  const value = await estimate();
  entries.delete(key);
  if (entries.size >= MAX_ENTRIES) {
    const oldest = entries.keys().next();
    if (!oldest.done) entries.delete(oldest.value);
  }
  entries.set(key, { value, until: now + ESTIMATE_TTL_MS });
  return value;
}
