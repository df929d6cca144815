import { randomBytes, randomUUID } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";
import { createDb, type Database } from "@quarry/db/client";
import { migrationsDir } from "@quarry/db/migrate";
import { withDatabase } from "@quarry/db/resolve-database";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { sql } from "kysely";
import { FileMigrationProvider, Migrator } from "kysely/migration";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { captureCharges } from "../services/capture-charges.ts";
import { captureHold } from "../services/capture-hold.ts";
import { getBalance } from "../services/get-balance.ts";
import { grantCredits } from "../services/grant-credits.ts";
import { placeHold } from "../services/place-hold.ts";
import { refundCapture } from "../services/refund-capture.ts";
import { releaseHold } from "../services/release-hold.ts";
import { insertWorkspace, ledgerCtx, workspaceWithCredits } from "../testing/fixtures.ts";
import { findAvailable } from "./balances.queries.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

/** The workspace's credit_balances row (undefined when it has none) and the sums of its postings. */
async function rowAndSums(db: Database, workspaceId: string) {
  const { rows } = await sql<{ row: number | null; available: number; held: number; spent: number }>`
    select
      (select balance from credit_balances where workspace_id = ${workspaceId} and account = 'available') as row,
      coalesce(sum(amount) filter (where account = 'available'), 0)::int8 as available,
      coalesce(sum(amount) filter (where account = 'held'), 0)::int8 as held,
      coalesce(sum(amount) filter (where account = 'spent'), 0)::int8 as spent
    from credit_postings where workspace_id = ${workspaceId}`.execute(db);
  const r = rows[0];
  if (!r) throw new Error("no row");
  return r;
}

describe("the available balance row", () => {
  let workers: Database[] = [];
  beforeAll(() => {
    workers = [1, 2, 3].map(() => createDb(t.url, { max: 3 }));
  });
  afterAll(async () => {
    for (const db of workers) await db.destroy();
  });
  const worker = (i: number) => workers[i % workers.length] ?? t.db;

  it("equals the sum of available postings after grants, holds, captures, releases, refunds and adjustments", async () => {
    const workspaceId = await workspaceWithCredits(t.db, 100);
    const grant = (amount: number, kind: "grant" | "purchase" | "adjustment", key: string) =>
      grantCredits(ledgerCtx(t.db, workspaceId), { amount, kind, idempotencyKey: key, memo: key });
    await grant(40, "purchase", "stripe:pi_1");
    await grant(-15, "adjustment", "adj:down");
    await grant(5, "adjustment", "adj:up");

    // 12 runs place holds at once from three connections; 130 credits cover 10 of them.
    const runs = Array.from({ length: 12 }, () => randomUUID());
    const holds = await Promise.allSettled(
      runs.map((runId, i) =>
        placeHold(ledgerCtx(worker(i), workspaceId), {
          amount: 13,
          idempotencyKey: `hold:${runId}:1`,
          runId,
          memo: "",
        }),
      ),
    );
    const placed = holds.flatMap((h, i) =>
      h.status === "fulfilled" ? [{ ...h.value, runId: runs[i] ?? "" }] : [],
    );
    expect(placed).toHaveLength(10);
    expect(await rowAndSums(t.db, workspaceId)).toMatchObject({ row: 0, available: 0, held: 130 });

    // Each run captures some values (batched and single) concurrently, refunds one, and releases the rest,
    // while more credits arrive.
    await Promise.all([
      ...placed.map(async ({ holdId, runId }, i) => {
        const db = worker(i);
        const records = Array.from({ length: 4 }, () => randomUUID());
        const charges = records.slice(0, 3).map((recordId) => ({ recordId, field: "email", amount: 2 }));
        await captureCharges(ledgerCtx(db, workspaceId), { holdId, runId, provider: "p", charges });
        await captureHold(ledgerCtx(db, workspaceId), {
          holdId,
          runId,
          amount: 3,
          idempotencyKey: `capture:${runId}:${records[3]}:phone`,
          recordId: records[3] ?? "",
          field: "phone",
          provider: "p",
        });
        if (i % 2 === 0) {
          await refundCapture(ledgerCtx(db, workspaceId), {
            captureIdempotencyKey: `capture:${runId}:${records[0]}:email`,
            idempotencyKey: `refund:${runId}`,
            memo: "bounced",
          });
        }
        await releaseHold(ledgerCtx(db, workspaceId), { holdId, idempotencyKey: `release:${runId}:1` });
      }),
      grant(7, "grant", "top-up:1"),
    ]);
    await grant(-1, "adjustment", "adj:down:2");

    // Per run: 13 held, 9 spent, 4 released; 5 runs refund 2 of it. Available: 10 × 4 + 5 × 2 + 7 − 1.
    const after = await rowAndSums(t.db, workspaceId);
    expect(after).toEqual({ row: 56, available: 56, held: 0, spent: 80 });
    expect(await getBalance(ledgerCtx(t.db, workspaceId))).toEqual({ available: 56, held: 0, spent: 80 });
    expect(await findAvailable(t.db, workspaceId)).toBe(56);
  });

  it("is 0 for a workspace that never had credits, and cannot be written except by the ledger", async () => {
    const workspaceId = await insertWorkspace(t.db, "Empty");
    expect(await findAvailable(t.db, workspaceId)).toBe(0);
    expect(await getBalance(ledgerCtx(t.db, workspaceId))).toEqual({ available: 0, held: 0, spent: 0 });
    await expect(
      t.db
        .insertInto("credit_balances")
        .values({ workspace_id: workspaceId, account: "available", balance: 1000 })
        .execute(),
    ).rejects.toThrow(/credit_balances is derived from the ledger/);

    const funded = await workspaceWithCredits(t.db, 9);
    await expect(
      t.db.updateTable("credit_balances").set({ balance: 1000 }).where("workspace_id", "=", funded).execute(),
    ).rejects.toThrow(/derived from the ledger: UPDATE is not allowed/);
    await expect(
      t.db.deleteFrom("credit_balances").where("workspace_id", "=", funded).execute(),
    ).rejects.toThrow(/derived from the ledger: DELETE is not allowed/);
    expect(await findAvailable(t.db, funded)).toBe(9);

    // The workspace's cascade still removes it with the ledger.
    await t.db.deleteFrom("workspaces").where("id", "=", funded).execute();
    expect(await rowAndSums(t.db, funded)).toEqual({ row: null, available: 0, held: 0, spent: 0 });
  });
});

describe("the migration adding the row", () => {
  it("fills it from the postings already there", async () => {
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
      expect((await migrator.migrateTo("0008-api-keys")).error).toBeUndefined();
      const rich = await insertWorkspace(db, "Rich");
      const poor = await insertWorkspace(db, "Poor");
      await db.transaction().execute(async (trx) => {
        for (const [workspaceId, kind, key, accounts] of [
          [rich, "grant", "g1", { external: -50, available: 50 }],
          [rich, "hold", "h1", { available: -20, held: 20 }],
          [rich, "purchase", "p1", { external: -7, available: 7 }],
          [poor, "grant", "g2", { external: -3, available: 3 }],
          [poor, "adjustment", "a2", { external: 3, available: -3 }],
        ] as const) {
          const tx = await trx
            .insertInto("credit_transactions")
            .values({ workspace_id: workspaceId, kind, idempotency_key: key })
            .returning("id")
            .executeTakeFirstOrThrow();
          await trx
            .insertInto("credit_postings")
            .values(
              Object.entries(accounts).map(([account, amount]) => ({
                transaction_id: tx.id,
                workspace_id: workspaceId,
                account,
                amount,
              })),
            )
            .execute();
        }
      });
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      expect(await rowAndSums(db, rich)).toEqual({ row: 37, available: 37, held: 20, spent: 0 });
      expect(await rowAndSums(db, poor)).toEqual({ row: 0, available: 0, held: 0, spent: 0 });
      // And the trigger carries on from there.
      await grantCredits(ledgerCtx(db, poor), {
        amount: 4,
        kind: "grant",
        idempotencyKey: "g3",
        memo: "",
      });
      expect(await rowAndSums(db, poor)).toMatchObject({ row: 4, available: 4 });
    } finally {
      await db.destroy();
      await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin);
      await admin.destroy();
    }
  });
});
