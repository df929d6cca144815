import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";
import { insertWorkspace } from "@quarry/credits/testing/fixtures";
import { createDb, createPool } from "@quarry/db/client";
import type { DB } from "@quarry/db/generated/db";
import { migrationsDir } from "@quarry/db/migrate";
import { withDatabase } from "@quarry/db/resolve-database";
import { Kysely, PostgresDialect, sql } from "kysely";
import { FileMigrationProvider, Migrator } from "kysely/migration";
import { expect, inject, it } from "vitest";
import { findRunProgress } from "../queries/runs.queries.ts";
import { itemCounts, runDueJobs, startContactRun } from "../testing/fixtures.ts";
import { useTestDatabase } from "../testing/test-database.ts";
import { foundTitle, testDeps, testProvider } from "../testing/test-providers.ts";
import { cancelRun } from "./cancel-run.ts";

const t = useTestDatabase();

it("the progress a watcher reads equals a recount of the items, mid-run and after a run with every outcome", async () => {
  // c… records meet a retryable error and wait (back-off) as pending until the run is cancelled.
  const vendor = testProvider(
    {
      id: "vendor",
      contact: ["title"],
      batchSize: 2,
      answer: (input) => {
        const email = String(input.values.email);
        if (email.startsWith("f")) return foundTitle("CTO", 90);
        if (email.startsWith("e"))
          return { status: "error", retryable: false, code: "bad_request", message: "400" };
        if (email.startsWith("c"))
          return { status: "error", retryable: true, code: "unavailable", message: "503" };
        return { status: "not_found" };
      },
    },
    [],
  );
  const deps = testDeps([vendor], { batchRecords: 4, backoffBaseMs: 3_600_000, backoffMaxMs: 3_600_000 });
  const { w, run } = await startContactRun(t.db, deps, {
    credits: 100,
    contacts: [
      { email: "s0@example.com", title: "CEO" },
      { email: "s1@example.com", title: "CFO" },
      { email: "f0@example.com" },
      { email: "n0@example.com" },
      { email: "e0@example.com" },
      { email: "f1@example.com" },
      { email: "n1@example.com" },
      { email: "e1@example.com" },
      ...Array.from({ length: 8 }, (_, i) => ({ email: `c${i}@example.com` })),
    ],
  });
  const progress = async () => (await findRunProgress(t.db, w.workspaceId, run.id))?.items;
  expect(await progress()).toEqual(await itemCounts(t.db, run.id));

  await runDueJobs(t.url, t.db, deps);
  expect(await itemCounts(t.db, run.id)).toEqual({
    pending: 8,
    found: 2,
    not_found: 2,
    failed: 2,
    skipped: 2,
  });
  expect(await progress()).toEqual(await itemCounts(t.db, run.id));
  expect((await cancelRun(w.ctx, run.id)).status).toBe("cancelled");

  const recount = await itemCounts(t.db, run.id);
  expect(recount).toEqual({ cancelled: 8, found: 2, not_found: 2, failed: 2, skipped: 2 });
  expect(await progress()).toEqual(recount);
});

it("a poll's statement reads the run and its progress rows, never the items", async () => {
  const vendor = testProvider({ id: "p", contact: ["title"], answer: () => ({ status: "not_found" }) }, []);
  const { w, run } = await startContactRun(t.db, testDeps([vendor], { batchRecords: 2 }), {
    credits: 10,
    contacts: Array.from({ length: 6 }, (_, i) => ({ email: `x${i}@example.com` })),
  });
  const pool = createPool(t.url, 1);
  const sent: Array<{ sql: string; parameters: readonly unknown[] }> = [];
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      sent.push({ sql: event.query.sql, parameters: event.query.parameters });
    },
  });
  try {
    expect((await findRunProgress(db, w.workspaceId, run.id))?.items).toEqual({ pending: 6 });
    expect(sent).toHaveLength(1);
    const [poll] = sent;
    if (!poll) throw new Error("no statement");
    const { rows } = await pool.query<{ "QUERY PLAN": unknown }>(`explain (format json) ${poll.sql}`, [
      ...poll.parameters,
    ]);
    const tables = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === "object") {
        for (const [key, value] of Object.entries(node)) {
          if (key === "Relation Name" && typeof value === "string") tables.add(value);
          else walk(value);
        }
      }
    };
    walk(rows[0]?.["QUERY PLAN"]);
    expect([...tables].sort()).toEqual(["enrichment_run_progress", "enrichment_runs"]);
  } finally {
    await db.destroy();
  }
});

it("the migration counts the items of runs that exist already, and the triggers carry on from there", async () => {
  const adminUrl = inject("pgAdminUrl");
  const name = `quarry_test_${randomBytes(6).toString("hex")}`;
  const admin = createDb(adminUrl, { max: 1 });
  await sql`create database ${sql.id(name)}`.execute(admin);
  const db = createDb(withDatabase(adminUrl, name), { max: 1 });
  try {
    const migrator = new Migrator({
      db,
      provider: new FileMigrationProvider({ fs, path, migrationFolder: migrationsDir }),
    });
    expect((await migrator.migrateTo("0017-hot-enrichment-writes")).error).toBeUndefined();
    const workspaceId = await insertWorkspace(db);
    const { rows } = await sql<{ id: string }>`
      insert into enrichment_runs (workspace_id, entity, fields, selection, status, batch_count)
      values (${workspaceId}, 'contact', '{title}', '{}', 'running', 3) returning id`.execute(db);
    const runId = rows[0]?.id ?? "";
    await sql`
      insert into enrichment_run_items (run_id, workspace_id, record_id, field, batch, status)
      select ${runId}, ${workspaceId}, gen_random_uuid(), 'title', b, s
      from (values (0, 'found'), (0, 'found'), (0, 'skipped'), (1, 'claimed'), (1, 'not_found'),
        (1, 'failed'), (2, 'pending'), (2, 'pending'), (2, 'cancelled')) as v(b, s)`.execute(db);
    expect((await migrator.migrateToLatest()).error).toBeUndefined();

    const progress = async () => (await findRunProgress(db, workspaceId, runId))?.items;
    expect(await progress()).toEqual({
      pending: 2,
      claimed: 1,
      found: 2,
      not_found: 1,
      failed: 1,
      skipped: 1,
      cancelled: 1,
    });
    await sql`update enrichment_run_items set status = 'found' where run_id = ${runId} and status in ('claimed', 'pending')`.execute(
      db,
    );
    await sql`delete from enrichment_run_items where run_id = ${runId} and status = 'cancelled'`.execute(db);
    expect(await progress()).toEqual(await itemCounts(db, runId));
    expect(await progress()).toEqual({ found: 5, not_found: 1, failed: 1, skipped: 1 });
  } finally {
    await db.destroy();
    await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin);
    await admin.destroy();
  }
});
