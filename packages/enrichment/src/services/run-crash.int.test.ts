import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { getBalance } from "@quarry/credits/services/get-balance";
import { ledgerCtx } from "@quarry/credits/testing/fixtures";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { faultProviders } from "../testing/fault-providers.ts";
import { capturesOf, contactsByEmail, itemCounts, startContactRun, waitFor } from "../testing/fixtures.ts";
import { testDeps } from "../testing/test-providers.ts";
import { getRun } from "./get-run.ts";

const script = fileURLToPath(new URL("../testing/worker-process.ts", import.meta.url));
let t: TestDatabase;
const children: ChildProcess[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  await t.drop();
});

function startWorkerProcess(url: string): ChildProcess {
  const child = spawn(process.execPath, [script, url], { stdio: ["ignore", "ignore", "inherit"] });
  children.push(child);
  return child;
}

it("a worker SIGKILLed mid-run: after restart every item ends found, not found or failed, each value charged once", async () => {
  const deps = testDeps(faultProviders());
  const { w, run } = await startContactRun(t.db, deps, {
    credits: 2000,
    contacts: contactsByEmail("p", 1000),
  });
  expect(run.counts.pending).toBe(1000);

  const first = startWorkerProcess(t.url);
  await waitFor(async () => ((await itemCounts(t.db, run.id)).found ?? 0) >= 150, 30_000);
  const exited = new Promise((resolve) => first.once("exit", resolve));
  first.kill("SIGKILL");
  await exited;
  const atKill = await itemCounts(t.db, run.id);
  expect(atKill.pending ?? 0).toBeGreaterThan(0);
  expect(atKill.claimed ?? 0).toBeGreaterThan(0); // the dead worker's claims: only the reaper frees them
  expect((await getRun(w.ctx, run.id)).status).toBe("running");

  await new Promise((r) => setTimeout(r, 1600)); // the dead worker's claims go stale
  const second = startWorkerProcess(t.url);
  const done = await waitFor(async () => {
    const r = await getRun(w.ctx, run.id);
    return r.status === "completed" ? r : null;
  }, 60_000);
  second.kill("SIGKILL");

  const counts = await itemCounts(t.db, run.id);
  expect(Object.keys(counts).sort()).toEqual(["failed", "found", "not_found"]);
  expect((counts.found ?? 0) + (counts.not_found ?? 0) + (counts.failed ?? 0)).toBe(1000);
  expect(done.counts).toMatchObject({ found: counts.found, pending: 0, inProgress: 0 });

  const captures = await capturesOf(t.db, run.id);
  expect(captures).toHaveLength(counts.found ?? 0);
  expect(captures.filter((c) => c.n !== 1 || c.amount !== 1)).toEqual([]);
  const foundItems = await t.db
    .selectFrom("enrichment_run_items")
    .select(["record_id", "field"])
    .where("run_id", "=", run.id)
    .where("status", "=", "found")
    .execute();
  expect(new Set(captures.map((c) => `${c.record_id}:${c.field}`))).toEqual(
    new Set(foundItems.map((i) => `${i.record_id}:${i.field}`)),
  );
  const found = counts.found ?? 0;
  expect(await getBalance(ledgerCtx(t.db, w.workspaceId))).toEqual({
    available: 2000 - found,
    held: 0,
    spent: found,
  });
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from contacts c join record_field_sources s on s.record_id = c.id and s.field = 'title'
    where c.workspace_id = ${w.workspaceId} and c.title is not null and s.provider = 'vendor'`.execute(t.db);
  expect(rows[0]?.n).toBe(found);
}, 120_000); // two worker processes and 1000 items: far past the default 20 s on a loaded machine
