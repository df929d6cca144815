import type pg from "pg";

/** Polls until every given run has finished; returns performance.now() when it saw that. */
export async function waitForRuns(pool: pg.Pool, runIds: string[], timeoutMs: number, everyMs = 50) {
  const until = performance.now() + timeoutMs;
  for (;;) {
    const { rows } = await pool.query<{ open: number }>(
      "select count(*)::int as open from enrichment_runs where id = any($1::uuid[]) and finished_at is null",
      [runIds],
    );
    const now = performance.now();
    if (rows[0]?.open === 0) return now;
    if (now > until) throw new Error(`runs not finished after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Items of the runs by status, e.g. { found: 100000 }. */
export async function itemStatuses(pool: pg.Pool, runIds: string[]): Promise<Record<string, number>> {
  const { rows } = await pool.query<{ status: string; n: number }>(
    `select status, count(*)::int as n from enrichment_run_items where run_id = any($1::uuid[]) group by status`,
    [runIds],
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** Items found so far: values written, provenance kept and (for a paid provider) charged. */
export async function foundItems(pool: pg.Pool, runIds: string[]): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    "select count(*)::int as n from enrichment_run_items where run_id = any($1::uuid[]) and status = 'found'",
    [runIds],
  );
  return rows[0]?.n ?? 0;
}

export async function runStatuses(pool: pg.Pool, runIds: string[]): Promise<string[]> {
  const { rows } = await pool.query<{ status: string }>(
    "select status from enrichment_runs where id = any($1::uuid[])",
    [runIds],
  );
  return rows.map((r) => r.status);
}

export interface LedgerCheck {
  /**
   * Values charged more than once: (run, record, field) with more than one charge row, plus the
   * credits spent beyond one charge per value charged (÷ cost), which a capture spending more than
   * its charges would show.
   */
  doubleCharges: number;
  /** Capture transactions: one per provider call that charged something. */
  captures: number;
  /** Charge rows: one per value charged. */
  charges: number;
  granted: number;
  available: number;
  held: number;
  spent: number;
  /** Holds placed and released (one hold per provider round of a batch job with a cost). */
  holds: number;
  releases: number;
  /** Violated invariants: balance ≠ grants, credits left held, spent ≠ charges × cost, charges ≠ items found (none for a free provider). */
  errors: string[];
}

/** The workspace's ledger after the runs, checked against the items they found. */
export async function checkLedger(
  pool: pg.Pool,
  workspaceId: string,
  runIds: string[],
  costPerValue: number,
): Promise<LedgerCheck> {
  const q = async (text: string, params: unknown[] = [workspaceId, runIds]) =>
    Number((await pool.query<{ n: string }>(text, params)).rows[0]?.n ?? 0);
  const repeated = await q(
    `select count(*) as n from (select 1 from credit_charges where workspace_id = $1 and run_id = any($2::uuid[])
       group by run_id, record_id, field having count(*) > 1) d`,
  );
  const kind = (k: string) =>
    q(
      `select count(*) as n from credit_transactions where workspace_id = $1 and run_id = any($2::uuid[]) and kind = '${k}'`,
    );
  const captures = await kind("capture");
  const holds = await kind("hold");
  const releases = await kind("release");
  const charges = await q(
    "select count(*) as n from credit_charges where workspace_id = $1 and run_id = any($2::uuid[])",
  );
  const granted = await q(
    `select coalesce(sum(p.amount), 0) as n from credit_postings p join credit_transactions t on t.id = p.transaction_id
     where t.workspace_id = $1 and t.kind in ('grant', 'purchase', 'adjustment') and p.account = 'available'`,
    [workspaceId],
  );
  const account = (name: string) =>
    q("select coalesce(sum(amount), 0) as n from credit_postings where workspace_id = $1 and account = $2", [
      workspaceId,
      name,
    ]);
  const available = await account("available");
  const held = await account("held");
  const spent = await account("spent");
  const found = await q(
    `select count(*) as n from enrichment_run_items where workspace_id = $1 and run_id = any($2::uuid[]) and status = 'found'`,
  );
  const beyond =
    costPerValue > 0 ? Math.max(0, Math.floor((spent - charges * costPerValue) / costPerValue)) : 0;
  const doubleCharges = repeated + beyond;
  const errors: string[] = [];
  if (doubleCharges > 0) errors.push(`${doubleCharges} (run, record, field) charged more than once`);
  if (available + held + spent !== granted)
    errors.push(`available ${available} + held ${held} + spent ${spent} ≠ granted ${granted}`);
  if (held !== 0) errors.push(`${held} credits still held after the runs finished`);
  if (spent !== charges * costPerValue) errors.push(`spent ${spent} ≠ ${charges} charges × ${costPerValue}`);
  const expected = costPerValue > 0 ? found : 0;
  if (charges !== expected)
    errors.push(`${charges} charges for ${found} items found at ${costPerValue} credits`);
  return { doubleCharges, captures, charges, granted, available, held, spent, holds, releases, errors };
}

/**
 * Updates of the contacts table since the server started counting, and how many were HOT (no index
 * entry added). Read after the workers exited, which flushes their statistics.
 */
export async function contactUpdates(pool: pg.Pool): Promise<{ updates: number; hot: number }> {
  const { rows } = await pool.query<{ updates: string; hot: string }>(
    "select n_tup_upd as updates, n_tup_hot_upd as hot from pg_stat_user_tables where relid = 'contacts'::regclass",
  );
  return { updates: Number(rows[0]?.updates ?? 0), hot: Number(rows[0]?.hot ?? 0) };
}
