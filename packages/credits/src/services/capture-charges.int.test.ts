import { randomUUID } from "node:crypto";
import { createDb, createPool, type Database } from "@quarry/db/client";
import type { DB } from "@quarry/db/generated/db";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { Kysely, PostgresDialect, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ledgerCtx, transactionSums, workspaceWithCredits } from "../testing/fixtures.ts";
import { captureCharges } from "./capture-charges.ts";
import { captureHold } from "./capture-hold.ts";
import { getBalance } from "./get-balance.ts";
import { placeHold } from "./place-hold.ts";
import { releaseHold } from "./release-hold.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

async function holdFor(workspaceId: string, amount: number, runId = randomUUID(), batch = 1) {
  const { holdId } = await placeHold(ledgerCtx(t.db, workspaceId), {
    amount,
    idempotencyKey: `hold:${runId}:${batch}`,
    runId,
    memo: `Batch ${batch}`,
  });
  return { runId, holdId };
}

const emails = (recordIds: readonly string[], amount = 1) =>
  recordIds.map((recordId) => ({ recordId, field: "email", amount }));

/**
 * Per (record, field) of the run: how many charges and what they moved to spent. Counted from the
 * charges (their captures' spent postings are checked to equal them by the database) and, as the
 * exactly-once key allows only one charge per value, also from the captures' spent postings.
 */
async function chargesOf(runId: string) {
  const { rows } = await sql<{ record_id: string; field: string; n: number; spent: number }>`
    select c.record_id, c.field, count(*)::int as n, coalesce(sum(c.amount), 0)::int8 as spent
    from credit_charges c
    where c.run_id = ${runId}
    group by c.record_id, c.field`.execute(t.db);
  return rows;
}

/** What the run's captures moved to spent, straight from their postings. */
async function spentByCaptures(runId: string): Promise<number> {
  const { rows } = await sql<{ spent: number }>`
    select coalesce(sum(p.amount), 0)::int8 as spent
    from credit_transactions t join credit_postings p on p.transaction_id = t.id and p.account = 'spent'
    where t.run_id = ${runId} and t.kind = 'capture'`.execute(t.db);
  return rows[0]?.spent ?? 0;
}

/** What is left of a hold, straight from the postings. */
async function heldOn(holdId: string): Promise<number> {
  const { rows } = await sql<{ held: number }>`
    select coalesce(sum(p.amount), 0)::int8 as held
    from credit_postings p join credit_transactions t on t.id = p.transaction_id
    where (t.id = ${holdId} or t.hold_id = ${holdId}) and p.account = 'held'`.execute(t.db);
  return rows[0]?.held ?? 0;
}

describe("captureCharges", () => {
  it("charges a call's values as one capture of the hold with one charge per value, moving held to spent", async () => {
    const workspaceId = await workspaceWithCredits(t.db, 20);
    const { runId, holdId } = await holdFor(workspaceId, 10);
    const records = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const input = { holdId, runId, provider: "hunter", charges: emails(records, 2) };
    expect(await captureCharges(ledgerCtx(t.db, workspaceId), input)).toEqual({ captured: true, charged: 4 });
    expect(await getBalance(ledgerCtx(t.db, workspaceId))).toEqual({ available: 10, held: 2, spent: 8 });
    const captures = (await transactionSums(t.db, workspaceId)).filter((x) => x.kind === "capture");
    expect(captures).toHaveLength(1);
    for (const c of captures) expect(c).toMatchObject({ postings: 2, total: 0 });
    const capture = await t.db
      .selectFrom("credit_transactions")
      .select(["id", "provider", "hold_id", "run_id", "memo"])
      .where("workspace_id", "=", workspaceId)
      .where("kind", "=", "capture")
      .executeTakeFirstOrThrow();
    expect(capture).toMatchObject({ provider: "hunter", hold_id: holdId, run_id: runId, memo: "Batch 1" });
    const charges = await t.db
      .selectFrom("credit_charges")
      .select(["idempotency_key", "capture_id", "amount"])
      .where("workspace_id", "=", workspaceId)
      .execute();
    expect(charges.map((k) => k.idempotency_key).sort()).toEqual(
      records.map((r) => `capture:${runId}:${r}:email`).sort(),
    );
    for (const c of charges) expect(c).toMatchObject({ capture_id: capture.id, amount: 2 });
    expect(await spentByCaptures(runId)).toBe(8);

    // The same call again (a retried job): nothing new.
    expect(await captureCharges(ledgerCtx(t.db, workspaceId), input)).toEqual({ captured: true, charged: 0 });
    expect(await getBalance(ledgerCtx(t.db, workspaceId))).toEqual({ available: 10, held: 2, spent: 8 });
    expect(await transactionSums(t.db, workspaceId)).toHaveLength(3);
    expect(await chargesOf(runId)).toHaveLength(4);
  });

  it("charges only what is new in a call mixing new and charged values, and a value named twice once", async () => {
    const workspaceId = await workspaceWithCredits(t.db, 20);
    const { runId, holdId } = await holdFor(workspaceId, 10);
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    const base = { holdId, runId, provider: "p" };
    await captureHold(ledgerCtx(t.db, workspaceId), {
      ...base,
      amount: 1,
      idempotencyKey: "worker-key",
      recordId: a,
      field: "email",
    });
    const charges = [...emails([a, b, c]), { recordId: b, field: "email", amount: 1 }];
    // Same record, another field: a charge of its own.
    charges.push({ recordId: c, field: "phone", amount: 3 });
    expect(await captureCharges(ledgerCtx(t.db, workspaceId), { ...base, charges })).toEqual({
      captured: true,
      charged: 3,
    });
    expect((await chargesOf(runId)).map((r) => [r.record_id, r.field, r.n, r.spent]).sort()).toEqual(
      [
        [a, "email", 1, 1],
        [b, "email", 1, 1],
        [c, "email", 1, 1],
        [c, "phone", 1, 3],
      ].sort(),
    );
    expect(await getBalance(ledgerCtx(t.db, workspaceId))).toEqual({ available: 10, held: 4, spent: 6 });
    expect(await spentByCaptures(runId)).toBe(6);
  });

  it("answers amounts of 0 as captured without writing them", async () => {
    const workspaceId = await workspaceWithCredits(t.db, 5);
    const { runId, holdId } = await holdFor(workspaceId, 5);
    const charges = [...emails([randomUUID()], 0), ...emails([randomUUID()], 2)];
    expect(
      await captureCharges(ledgerCtx(t.db, workspaceId), { holdId, runId, provider: "p", charges }),
    ).toEqual({
      captured: true,
      charged: 1,
    });
    expect(await chargesOf(runId)).toHaveLength(1);
    expect(await getBalance(ledgerCtx(t.db, workspaceId))).toEqual({ available: 0, held: 3, spent: 2 });
  });

  it("refuses, whole, charges that together exceed the hold's remainder, and any after a release", async () => {
    const workspaceId = await workspaceWithCredits(t.db, 10);
    const { runId, holdId } = await holdFor(workspaceId, 5);
    const base = { holdId, runId, provider: "p" };
    expect(
      await captureCharges(ledgerCtx(t.db, workspaceId), {
        ...base,
        charges: emails([randomUUID(), randomUUID()], 2),
      }),
    ).toEqual({
      captured: true,
      charged: 2,
    });
    // 1 left: two more of 1 do not fit together, though each would alone.
    const two = emails([randomUUID(), randomUUID()], 1);
    expect(await captureCharges(ledgerCtx(t.db, workspaceId), { ...base, charges: two })).toEqual({
      captured: false,
    });
    expect(await chargesOf(runId)).toHaveLength(2);
    expect(await getBalance(ledgerCtx(t.db, workspaceId))).toEqual({ available: 5, held: 1, spent: 4 });
    // Refused means nothing recorded: one of them still fits.
    expect(await captureCharges(ledgerCtx(t.db, workspaceId), { ...base, charges: two.slice(0, 1) })).toEqual(
      {
        captured: true,
        charged: 1,
      },
    );

    const other = await holdFor(workspaceId, 3);
    await releaseHold(ledgerCtx(t.db, workspaceId), { holdId: other.holdId, idempotencyKey: "release:1" });
    const late = { holdId: other.holdId, runId: other.runId, provider: "p" };
    expect(
      await captureCharges(ledgerCtx(t.db, workspaceId), { ...late, charges: emails([randomUUID()]) }),
    ).toEqual({
      captured: false,
    });
    expect(await chargesOf(other.runId)).toEqual([]);
    expect(await getBalance(ledgerCtx(t.db, workspaceId))).toEqual({ available: 5, held: 0, spent: 5 });
  });

  it("does not find another workspace's hold, refuses another run's hold, and names the bad field", async () => {
    const mine = await workspaceWithCredits(t.db, 10);
    const theirs = await workspaceWithCredits(t.db, 10);
    const { runId, holdId } = await holdFor(theirs, 5);
    const input = { holdId, runId, provider: "p", charges: emails([randomUUID()]) };
    await expect(captureCharges(ledgerCtx(t.db, mine), input)).rejects.toThrow("Hold not found");
    await expect(captureCharges(ledgerCtx(t.db, theirs), { ...input, runId: randomUUID() })).rejects.toThrow(
      "holdId names a hold of another run",
    );
    const bad = captureCharges(ledgerCtx(t.db, theirs), {
      ...input,
      charges: [...emails([randomUUID()]), { recordId: "nope", field: "email", amount: 1 }],
    });
    await expect(bad).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "charges[1].recordId must be a valid id",
    });
    await expect(
      captureCharges(ledgerCtx(t.db, theirs), { ...input, charges: emails([randomUUID()], -1) }),
    ).rejects.toThrow("charges[0].amount must be a positive whole number of credits");
    await expect(
      captureCharges(ledgerCtx(t.db, theirs), {
        ...input,
        charges: emails(Array.from({ length: 1001 }, () => randomUUID())),
      }),
    ).rejects.toThrow("charges must list at most 1000 values per call");
    expect(await getBalance(ledgerCtx(t.db, theirs))).toEqual({ available: 5, held: 5, spent: 0 });
  });

  it("refuses a key already used for another kind of entry", async () => {
    const workspaceId = await workspaceWithCredits(t.db, 10);
    const { runId, holdId } = await holdFor(workspaceId, 5);
    const charges = [
      { recordId: randomUUID(), field: "email", amount: 1, idempotencyKey: `hold:${runId}:1` },
    ];
    await expect(
      captureCharges(ledgerCtx(t.db, workspaceId), { holdId, runId, provider: "p", charges }),
    ).rejects.toThrow(`Idempotency key "hold:${runId}:1" was already used for a hold, not a capture.`);
  });

  it("writes nothing when the caller's transaction rolls back", async () => {
    const workspaceId = await workspaceWithCredits(t.db, 5);
    const { runId, holdId } = await holdFor(workspaceId, 5);
    const rolledBack = t.db.transaction().execute(async (trx) => {
      const r = await captureCharges(ledgerCtx(trx, workspaceId), {
        holdId,
        runId,
        provider: "p",
        charges: emails([randomUUID()]),
      });
      expect(r).toEqual({ captured: true, charged: 1 });
      throw new Error("record write failed");
    });
    await expect(rolledBack).rejects.toThrow("record write failed");
    expect(await getBalance(ledgerCtx(t.db, workspaceId))).toEqual({ available: 0, held: 5, spent: 0 });
  });

  it("uses the same few statements for one charge or a hundred", async () => {
    const workspaceId = await workspaceWithCredits(t.db, 200);
    const { runId, holdId } = await holdFor(workspaceId, 200);
    let statements = 0;
    const pool = createPool(t.url, 1);
    const counted = new Kysely<DB>({
      dialect: new PostgresDialect({ pool }),
      log: (event) => {
        if (event.level === "query") statements++;
      },
    });
    try {
      const count = async (charges: ReturnType<typeof emails>) => {
        statements = 0;
        await captureCharges(ledgerCtx(counted, workspaceId), { holdId, runId, provider: "p", charges });
        return statements;
      };
      const one = await count(emails([randomUUID()]));
      const hundred = await count(emails(Array.from({ length: 100 }, () => randomUUID())));
      // begin; lock the hold; the hold, what is charged already, charges, capture and postings; commit.
      expect(one).toBe(4);
      expect(hundred).toBe(one);
      expect(await chargesOf(runId)).toHaveLength(101);
    } finally {
      await counted.destroy();
    }
  });
});

describe("captureCharges from several connections", () => {
  let dbs: Database[] = [];
  beforeAll(() => {
    dbs = [createDb(t.url, { max: 2 }), createDb(t.url, { max: 2 })];
  });
  afterAll(async () => {
    for (const db of dbs) await db.destroy();
  });

  it("charges each overlapping value once and never takes a hold below zero", async () => {
    const workspaceId = await workspaceWithCredits(t.db, 30);
    const { runId, holdId } = await holdFor(workspaceId, 25);
    const records = Array.from({ length: 30 }, () => randomUUID());
    // Two workers with overlapping halves, each in slices, racing: 30 distinct values for 25 credits.
    const calls = dbs.flatMap((db, w) => {
      const mine = w === 0 ? records.slice(0, 20) : records.slice(10).reverse();
      return [0, 5, 10, 15].map((at) =>
        captureCharges(ledgerCtx(db, workspaceId), {
          holdId,
          runId,
          provider: "p",
          charges: emails(mine.slice(at, at + 5)),
        }),
      );
    });
    const results = await Promise.all(calls);
    const charged = results.reduce((n, r) => n + (r.captured ? r.charged : 0), 0);
    const rows = await chargesOf(runId);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    expect(rows).toHaveLength(charged);
    expect(await spentByCaptures(runId)).toBe(charged);
    expect(charged).toBeGreaterThanOrEqual(20);
    expect(charged).toBeLessThanOrEqual(25);
    expect(await heldOn(holdId)).toBe(25 - charged);
    expect(await getBalance(ledgerCtx(t.db, workspaceId))).toEqual({
      available: 5,
      held: 25 - charged,
      spent: charged,
    });
  });

  it("charges once when two holds of one run capture the same values in opposite orders", async () => {
    const workspaceId = await workspaceWithCredits(t.db, 10_000);
    for (let round = 0; round < 8; round++) {
      const runId = randomUUID();
      const first = await holdFor(workspaceId, 500, runId, 1);
      const second = await holdFor(workspaceId, 500, runId, 2);
      const records = Array.from({ length: 300 }, () => randomUUID());
      const [a, b] = dbs;
      if (!a || !b) throw new Error("no connections");
      // Overlapping, in opposite orders: written in one order, they wait for each other, never deadlock.
      const rounds = await Promise.all([
        captureCharges(ledgerCtx(a, workspaceId), { ...first, provider: "p", charges: emails(records) }),
        captureCharges(ledgerCtx(b, workspaceId), {
          ...second,
          provider: "p",
          charges: emails([...records].reverse()),
        }),
      ]);
      expect(rounds.reduce((n, r) => n + (r.captured ? r.charged : 0), 0)).toBe(300);
      const rows = await chargesOf(runId);
      expect(rows).toHaveLength(300);
      expect(rows.every((r) => r.n === 1)).toBe(true);
      expect(await spentByCaptures(runId)).toBe(300);
      expect((await heldOn(first.holdId)) + (await heldOn(second.holdId))).toBe(700);
    }
  });
});
