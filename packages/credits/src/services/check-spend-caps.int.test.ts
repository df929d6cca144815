import { randomUUID } from "node:crypto";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ledgerCtx, workspaceWithCredits } from "../testing/fixtures.ts";
import { captureHold } from "./capture-hold.ts";
import { checkSpendCaps } from "./check-spend-caps.ts";
import { placeHold } from "./place-hold.ts";
import { refundCapture } from "./refund-capture.ts";
import { updateCreditSettings } from "./update-credit-settings.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

/** Holds and captures `cost` credits for one value of `runId`. */
async function spend(workspaceId: string, runId: string, cost: number): Promise<string> {
  const recordId = randomUUID();
  const { holdId } = await placeHold(ledgerCtx(t.db, workspaceId), {
    amount: cost,
    idempotencyKey: `hold:${runId}:${recordId}`,
    runId,
    memo: "",
  });
  const key = `capture:${runId}:${recordId}:email`;
  await captureHold(ledgerCtx(t.db, workspaceId), {
    holdId,
    amount: cost,
    idempotencyKey: key,
    runId,
    recordId,
    field: "email",
    provider: "p",
  });
  return key;
}

/** A capture made in the last second of the previous calendar month (UTC), written as one transaction. */
async function spendLastMonth(workspaceId: string, runId: string, cost: number): Promise<void> {
  const at = sql<Date>`(date_trunc('month', now() at time zone 'UTC') at time zone 'UTC') - interval '1 second'`;
  await t.db.transaction().execute(async (trx) => {
    const hold = await trx
      .insertInto("credit_transactions")
      .values({
        workspace_id: workspaceId,
        kind: "hold",
        idempotency_key: `old-hold:${runId}`,
        run_id: runId,
        created_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const capture = await trx
      .insertInto("credit_transactions")
      .values({
        workspace_id: workspaceId,
        kind: "capture",
        idempotency_key: `old-capture:${runId}`,
        run_id: runId,
        hold_id: hold.id,
        created_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const posting = (transaction_id: string, account: string, amount: number) => ({
      transaction_id,
      workspace_id: workspaceId,
      account,
      amount,
      created_at: at,
    });
    await trx
      .insertInto("credit_postings")
      .values([
        posting(hold.id, "available", -cost),
        posting(hold.id, "held", cost),
        posting(capture.id, "held", -cost),
        posting(capture.id, "spent", cost),
      ])
      .execute();
    await trx
      .insertInto("credit_charges")
      .values({
        workspace_id: workspaceId,
        run_id: runId,
        record_id: randomUUID(),
        field: "email",
        capture_id: capture.id,
        amount: cost,
        idempotency_key: `old-charge:${runId}`,
      })
      .execute();
  });
}

describe("checkSpendCaps", () => {
  it("lets every call through when the workspace set no caps", async () => {
    const workspaceId = await workspaceWithCredits(t.db, 1000);
    const runId = randomUUID();
    await spend(workspaceId, runId, 900);
    await expect(
      checkSpendCaps(ledgerCtx(t.db, workspaceId), { runId, amount: 100 }),
    ).resolves.toBeUndefined();
  });

  it("blocks a call that would take the run past its cap, naming the cap; other runs are unaffected", async () => {
    const workspaceId = await workspaceWithCredits(t.db, 1000);
    await updateCreditSettings(ledgerCtx(t.db, workspaceId), { data: { runCap: 50 } });
    const runId = randomUUID();
    await spend(workspaceId, runId, 45);
    await expect(checkSpendCaps(ledgerCtx(t.db, workspaceId), { runId, amount: 5 })).resolves.toBeUndefined();
    await expect(checkSpendCaps(ledgerCtx(t.db, workspaceId), { runId, amount: 6 })).rejects.toMatchObject({
      code: "CONFLICT",
      message:
        "Per-run spend cap reached: this run has spent 45 of its 50-credit cap and the next call costs 6.",
    });
    await expect(
      checkSpendCaps(ledgerCtx(t.db, workspaceId), { runId: randomUUID(), amount: 50 }),
    ).resolves.toBeUndefined();
  });

  it("counts refunds back against the run's spend", async () => {
    const workspaceId = await workspaceWithCredits(t.db, 1000);
    await updateCreditSettings(ledgerCtx(t.db, workspaceId), { data: { runCap: 10 } });
    const runId = randomUUID();
    const key = await spend(workspaceId, runId, 10);
    await expect(checkSpendCaps(ledgerCtx(t.db, workspaceId), { runId, amount: 1 })).rejects.toThrow(
      /Per-run spend cap/,
    );
    await refundCapture(ledgerCtx(t.db, workspaceId), {
      captureIdempotencyKey: key,
      idempotencyKey: "refund",
      memo: "",
    });
    await expect(
      checkSpendCaps(ledgerCtx(t.db, workspaceId), { runId, amount: 10 }),
    ).resolves.toBeUndefined();
  });

  it("blocks a call that would take this calendar month (UTC) past the monthly cap; last month does not count", async () => {
    const workspaceId = await workspaceWithCredits(t.db, 1000);
    await updateCreditSettings(ledgerCtx(t.db, workspaceId), { data: { monthlyCap: 100, runCap: null } });
    await spendLastMonth(workspaceId, randomUUID(), 500);
    await spend(workspaceId, randomUUID(), 30);
    await spend(workspaceId, randomUUID(), 40);
    const runId = randomUUID();
    await expect(
      checkSpendCaps(ledgerCtx(t.db, workspaceId), { runId, amount: 30 }),
    ).resolves.toBeUndefined();
    await expect(checkSpendCaps(ledgerCtx(t.db, workspaceId), { runId, amount: 31 })).rejects.toMatchObject({
      code: "CONFLICT",
      message:
        "Monthly spend cap reached: 70 of 100 credits spent this month (UTC) and the next call costs 31.",
    });
  });

  it("counts credits held: two holds in flight cannot together pass the run cap or the monthly cap", async () => {
    const workspaceId = await workspaceWithCredits(t.db, 1000);
    await updateCreditSettings(ledgerCtx(t.db, workspaceId), { data: { runCap: 50, monthlyCap: 100 } });
    const runId = randomUUID();
    await placeHold(ledgerCtx(t.db, workspaceId), {
      amount: 30,
      idempotencyKey: `hold:${runId}:a`,
      runId,
      memo: "",
    });
    await expect(
      checkSpendCaps(ledgerCtx(t.db, workspaceId), { runId, amount: 20 }),
    ).resolves.toBeUndefined();
    await expect(checkSpendCaps(ledgerCtx(t.db, workspaceId), { runId, amount: 21 })).rejects.toMatchObject({
      code: "CONFLICT",
      message:
        "Per-run spend cap reached: this run has spent 0 and holds 30 of its 50-credit cap and the next call costs 21.",
    });
    // Another run's hold counts toward the month: 30 + 45 held, 26 more would pass 100.
    const other = randomUUID();
    await placeHold(ledgerCtx(t.db, workspaceId), {
      amount: 45,
      idempotencyKey: `hold:${other}:a`,
      runId: other,
      memo: "",
    });
    await expect(
      checkSpendCaps(ledgerCtx(t.db, workspaceId), { runId: randomUUID(), amount: 26 }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message:
        "Monthly spend cap reached: 0 of 100 credits spent this month (UTC), 75 held, and the next call costs 26.",
    });
  });

  it("two transactions each checking the cap and placing a hold: the second sees the first's hold", async () => {
    const workspaceId = await workspaceWithCredits(t.db, 1000);
    await updateCreditSettings(ledgerCtx(t.db, workspaceId), { data: { runCap: 50 } });
    const runId = randomUUID();
    const checkAndHold = (key: string) =>
      t.db.transaction().execute(async (trx) => {
        await checkSpendCaps(ledgerCtx(trx, workspaceId), { runId, amount: 30 });
        await placeHold(ledgerCtx(trx, workspaceId), { amount: 30, idempotencyKey: key, runId, memo: "" });
      });
    const results = await Promise.allSettled([
      checkAndHold(`hold:${runId}:1`),
      checkAndHold(`hold:${runId}:2`),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
  });
});
