import { notFound } from "@quarry/core/app-error";
import { getRunCredits } from "@quarry/credits/services/get-run-credits";
import type { Database } from "@quarry/db/client";
import type { ServiceCtx } from "@quarry/db/service-context";
import { runProviderCounts } from "../queries/lookups.queries.ts";
import { countItems, itemReasons } from "../queries/run-items.queries.ts";
import { findRun, type RunRow } from "../queries/runs.queries.ts";
import {
  itemStatuses,
  type Run,
  type RunCounts,
  type RunStatus,
  runEstimateSchema,
  runStatuses,
} from "../schemas/runs.ts";
import { creditsCtx } from "./credits-ctx.ts";

function emptyCounts(): RunCounts {
  return {
    total: 0,
    done: 0,
    pending: 0,
    inProgress: 0,
    found: 0,
    notFound: 0,
    failed: 0,
    skipped: 0,
    cancelled: 0,
  };
}

const countKey: Record<string, keyof RunCounts> = {
  pending: "pending",
  claimed: "inProgress",
  found: "found",
  not_found: "notFound",
  failed: "failed",
  skipped: "skipped",
  cancelled: "cancelled",
};

export function runStatusOf(row: RunRow): RunStatus {
  return runStatuses.find((s) => s === row.status) ?? "failed";
}

/**
 * Who sees the workspace's balance in a run's estimate: only a caller who may read credits.
 * Starting or cancelling a run (enrichment.run) implies it: every role and key scope allowed to
 * run enrichment may read credits (preview-balance.int.test.ts checks the matrix).
 */
export interface BalanceAccess {
  /** credits.read: false hides the balance stored with the estimate (available, covered). */
  canReadBalance: boolean;
}

/**
 * A run with live progress: per status, per field and per provider, its credits spent and held,
 * and why items were skipped. The estimate keeps the balance it was made against only for a
 * caller who may read the balance (as previewRun does).
 */
export async function loadRun(
  db: Database,
  workspaceId: string,
  row: RunRow,
  access: BalanceAccess,
): Promise<Run> {
  const [items, lookups, reasons, credits] = await Promise.all([
    countItems(db, workspaceId, row.id),
    runProviderCounts(db, workspaceId, row.id),
    itemReasons(db, workspaceId, row.id),
    getRunCredits(creditsCtx(db, workspaceId), { runId: row.id }),
  ]);
  const counts = emptyCounts();
  const byField = new Map(row.fields.map((f) => [f, emptyCounts()]));
  const byProvider = new Map<string, Run["byProvider"][number]>();
  const providerEntry = (provider: string) => {
    let e = byProvider.get(provider);
    if (!e) {
      e = { provider, lookups: 0, found: 0, notFound: 0, errors: 0, valuesFound: 0, credits: 0 };
      byProvider.set(provider, e);
    }
    return e;
  };
  for (const c of items) {
    const key = countKey[c.status];
    if (!key) continue;
    const f = byField.get(c.field) ?? emptyCounts();
    byField.set(c.field, f);
    const done = key !== "pending" && key !== "inProgress" && key !== "cancelled";
    for (const target of [counts, f]) {
      target[key] += c.n;
      target.total += c.n;
      if (done) target.done += c.n;
    }
    if (c.status === "found" && c.provider) providerEntry(c.provider).valuesFound += c.n;
  }
  for (const l of lookups) {
    const e = providerEntry(l.provider);
    e.lookups += l.n;
    e.credits += l.credits;
    if (l.status === "found") e.found += l.n;
    else if (l.status === "not_found") e.notFound += l.n;
    else e.errors += l.n;
  }
  const estimate = runEstimateSchema.safeParse(row.estimate);
  return {
    id: row.id,
    entity: row.entity === "company" ? "company" : "contact",
    fields: row.fields,
    overwrite: row.overwrite,
    testMode: row.test_mode,
    status: runStatusOf(row),
    stopReason: row.stop_reason,
    recordCount: row.record_count,
    counts,
    byField: [...byField].map(([field, c]) => ({ field, ...c })),
    byProvider: [...byProvider.values()].sort((a, b) => a.provider.localeCompare(b.provider)),
    credits,
    reasons: reasons.flatMap((r) => {
      const status = itemStatuses.find((s) => s === r.status);
      return status ? [{ status, reason: r.reason, count: r.n }] : [];
    }),
    estimate: !estimate.success
      ? null
      : access.canReadBalance
        ? estimate.data
        : { ...estimate.data, available: null, covered: null },
    createdAt: row.created_at.toISOString(),
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
  };
}

/** What a caller allowed to start or cancel runs sees (see BalanceAccess). */
export const RUNNER_ACCESS: BalanceAccess = { canReadBalance: true };

/** A run of the workspace; its estimate's balance is hidden unless `access` says the caller may read it. */
export async function getRun(
  ctx: ServiceCtx,
  id: string,
  access: BalanceAccess = { canReadBalance: false },
): Promise<Run> {
  const row = await findRun(ctx.db, ctx.workspaceId, id);
  if (!row) throw notFound("Enrichment run");
  return loadRun(ctx.db, ctx.workspaceId, row, access);
}
