import { randomUUID } from "node:crypto";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ledgerCtx, transactionSums, workspaceWithCredits } from "../testing/fixtures.ts";
import { captureHold } from "./capture-hold.ts";
import { getBalance } from "./get-balance.ts";
import { grantCredits } from "./grant-credits.ts";
import { placeHold } from "./place-hold.ts";
import { refundCapture } from "./refund-capture.ts";
import { releaseHold } from "./release-hold.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

/** Balances straight from the postings, independently of getBalance. */
async function accountSums(workspaceId: string) {
  const rows = await t.db
    .selectFrom("credit_postings")
    .select(["account", sql<number>`sum(amount)::int8`.as("total")])
    .where("workspace_id", "=", workspaceId)
    .groupBy("account")
    .execute();
  return Object.fromEntries(rows.map((r) => [r.account, r.total]));
}

describe("a mixed scenario", () => {
  it("keeps every transaction balanced and the balance equal to the sum of postings", async () => {
    const workspaceId = await workspaceWithCredits(t.db, 100);
    const runId = randomUUID();
    const [r1, r2, r3] = [randomUUID(), randomUUID(), randomUUID()];
    await grantCredits(ledgerCtx(t.db, workspaceId), {
      amount: 50,
      kind: "purchase",
      idempotencyKey: "stripe:pi_1",
      memo: "Pack of 50",
    });
    await grantCredits(ledgerCtx(t.db, workspaceId), {
      amount: -20,
      kind: "adjustment",
      idempotencyKey: "adj:1",
      memo: "Correction",
    });
    const { holdId } = await placeHold(ledgerCtx(t.db, workspaceId), {
      amount: 40,
      idempotencyKey: `hold:${runId}:1`,
      runId,
      memo: "Batch 1",
    });
    for (const [recordId, cost] of [
      [r1, 10],
      [r2, 7],
      [r3, 5],
    ] as const) {
      const key = `capture:${runId}:${recordId}:email`;
      const base = { holdId, runId, recordId, field: "email", provider: "hunter" };
      expect(
        await captureHold(ledgerCtx(t.db, workspaceId), { ...base, amount: cost, idempotencyKey: key }),
      ).toEqual({
        captured: true,
      });
    }
    await refundCapture(ledgerCtx(t.db, workspaceId), {
      captureIdempotencyKey: `capture:${runId}:${r2}:email`,
      idempotencyKey: "refund:1",
      memo: "Bounced",
    });
    expect(
      await releaseHold(ledgerCtx(t.db, workspaceId), { holdId, idempotencyKey: `release:${runId}:1` }),
    ).toEqual({
      released: 18,
    });

    // 100 + 50 − 20 = 130; hold 40, captured 22, refunded 7, released 18.
    const balance = await getBalance(ledgerCtx(t.db, workspaceId));
    expect(balance).toEqual({ available: 130 - 40 + 7 + 18, held: 0, spent: 22 - 7 });
    const sums = await accountSums(workspaceId);
    expect(balance).toEqual({ available: sums.available, held: sums.held, spent: sums.spent });
    expect(sums.external).toBe(-130);

    const transactions = await transactionSums(t.db, workspaceId);
    expect(transactions.map((x) => x.kind).sort()).toEqual(
      [
        "adjustment",
        "capture",
        "capture",
        "capture",
        "grant",
        "hold",
        "purchase",
        "refund",
        "release",
      ].sort(),
    );
    for (const tx of transactions) expect(tx).toMatchObject({ postings: 2, total: 0 });
  });
});

describe("grants and adjustments", () => {
  it("returns the first grant for a repeated key and writes nothing more", async () => {
    const workspaceId = await workspaceWithCredits(t.db, 0);
    const grant = {
      amount: 25,
      kind: "grant",
      idempotencyKey: "g1",
      memo: "x",
    } as const;
    const first = await grantCredits(ledgerCtx(t.db, workspaceId), grant);
    const again = await grantCredits(ledgerCtx(t.db, workspaceId), { ...grant, amount: 999 });
    expect(again).toEqual(first);
    expect(first.amount).toBe(25);
    expect(await getBalance(ledgerCtx(t.db, workspaceId))).toEqual({ available: 25, held: 0, spent: 0 });
    expect(await transactionSums(t.db, workspaceId)).toHaveLength(1);
  });

  it("refuses a key already used for another kind", async () => {
    const workspaceId = await workspaceWithCredits(t.db, 10);
    await placeHold(ledgerCtx(t.db, workspaceId), { amount: 5, idempotencyKey: "k", runId: null, memo: "" });
    await expect(
      grantCredits(ledgerCtx(t.db, workspaceId), {
        amount: 5,
        kind: "grant",
        idempotencyKey: "k",
        memo: "",
      }),
    ).rejects.toThrow('Idempotency key "k" was already used for a hold, not a grant.');
  });

  it("refuses a negative adjustment larger than what is available, and a negative grant", async () => {
    const workspaceId = await workspaceWithCredits(t.db, 10);
    const base = { memo: "m" };
    await expect(
      grantCredits(ledgerCtx(t.db, workspaceId), {
        ...base,
        amount: -11,
        kind: "adjustment",
        idempotencyKey: "a",
      }),
    ).rejects.toThrow("Not enough credits: 10 available, 11 needed.");
    await expect(
      grantCredits(ledgerCtx(t.db, workspaceId), { ...base, amount: -1, kind: "grant", idempotencyKey: "b" }),
    ).rejects.toThrow("amount must be a positive number of credits");
    await expect(
      grantCredits(ledgerCtx(t.db, workspaceId), {
        ...base,
        amount: 1.5,
        kind: "grant",
        idempotencyKey: "c",
      }),
    ).rejects.toThrow("amount must be a positive whole number of credits");
    expect((await getBalance(ledgerCtx(t.db, workspaceId))).available).toBe(10);
  });
});

describe("refunds", () => {
  it("gives a charge back once, keeps a second key from refunding it again, and needs a real charge", async () => {
    const workspaceId = await workspaceWithCredits(t.db, 20);
    const runId = randomUUID();
    const recordId = randomUUID();
    const { holdId } = await placeHold(ledgerCtx(t.db, workspaceId), {
      amount: 10,
      idempotencyKey: "h",
      runId,
      memo: "",
    });
    await captureHold(ledgerCtx(t.db, workspaceId), {
      holdId,
      amount: 6,
      idempotencyKey: "c",
      runId,
      recordId,
      field: "phone",
      provider: "p",
    });
    const refund = { captureIdempotencyKey: "c", idempotencyKey: "r1", memo: "Wrong number" };
    const first = await refundCapture(ledgerCtx(t.db, workspaceId), refund);
    expect(first.refunded).toBe(6);
    expect(await refundCapture(ledgerCtx(t.db, workspaceId), refund)).toEqual(first);
    await expect(
      refundCapture(ledgerCtx(t.db, workspaceId), { ...refund, idempotencyKey: "r2" }),
    ).rejects.toThrow("This charge was already refunded.");
    await expect(
      refundCapture(ledgerCtx(t.db, workspaceId), {
        ...refund,
        captureIdempotencyKey: "h",
        idempotencyKey: "r3",
      }),
    ).rejects.toThrow("Charge not found");
    expect(await getBalance(ledgerCtx(t.db, workspaceId))).toEqual({ available: 16, held: 4, spent: 0 });
  });
});

describe("the database itself", () => {
  it("rejects a transaction whose postings do not sum to zero, or that has none", async () => {
    const workspaceId = await workspaceWithCredits(t.db, 0);
    const unbalanced = t.db.transaction().execute(async (trx) => {
      const tx = await trx
        .insertInto("credit_transactions")
        .values({ workspace_id: workspaceId, kind: "grant", idempotency_key: "bad" })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("credit_postings")
        .values([
          { transaction_id: tx.id, workspace_id: workspaceId, account: "external", amount: -10 },
          { transaction_id: tx.id, workspace_id: workspaceId, account: "available", amount: 11 },
        ])
        .execute();
    });
    await expect(unbalanced).rejects.toThrow(/unbalanced: postings sum to 1/);
    const empty = t.db
      .insertInto("credit_transactions")
      .values({ workspace_id: workspaceId, kind: "grant", idempotency_key: "empty" })
      .execute();
    await expect(empty).rejects.toThrow(/has postings \[\] its kind does not allow/);
    const wrongShape = t.db.transaction().execute(async (trx) => {
      const tx = await trx
        .insertInto("credit_transactions")
        .values({ workspace_id: workspaceId, kind: "grant", idempotency_key: "shape" })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("credit_postings")
        .values([
          { transaction_id: tx.id, workspace_id: workspaceId, account: "external", amount: -10 },
          { transaction_id: tx.id, workspace_id: workspaceId, account: "spent", amount: 10 },
        ])
        .execute();
    });
    await expect(wrongShape).rejects.toThrow(/its kind does not allow/);
    expect(await transactionSums(t.db, workspaceId)).toEqual([]);
  });

  it("rejects postings added later to a transaction already committed", async () => {
    const workspaceId = await workspaceWithCredits(t.db, 10);
    const [seed] = await transactionSums(t.db, workspaceId);
    if (!seed) throw new Error("no seed grant");
    const posting = (account: "held" | "spent", amount: number) => ({
      transaction_id: seed.id,
      workspace_id: workspaceId,
      account,
      amount,
    });
    await expect(t.db.insertInto("credit_postings").values(posting("held", 5)).execute()).rejects.toThrow(
      /unbalanced: postings sum to 5/,
    );
    // Balanced, and beside a new entry of the same database transaction: still checked.
    const beside = t.db.transaction().execute(async (trx) => {
      await grantCredits(ledgerCtx(trx, workspaceId), {
        amount: 3,
        kind: "grant",
        idempotencyKey: "beside",
        memo: "",
      });
      await trx
        .insertInto("credit_postings")
        .values([posting("held", -1), posting("spent", 1)])
        .execute();
    });
    await expect(beside).rejects.toThrow(/\[available\+,external-,held-,spent\+\] its kind does not allow/);
    expect(await getBalance(ledgerCtx(t.db, workspaceId))).toEqual({ available: 10, held: 0, spent: 0 });
    expect(await transactionSums(t.db, workspaceId)).toEqual([{ ...seed, postings: 2, total: 0 }]);
  });

  it("keeps a capture's charges equal to what it spends, written with it and only with it", async () => {
    const workspaceId = await workspaceWithCredits(t.db, 10);
    const runId = randomUUID();
    const { holdId } = await placeHold(ledgerCtx(t.db, workspaceId), {
      amount: 10,
      idempotencyKey: "hc",
      runId,
      memo: "",
    });
    const charge = (captureId: string, amount: number, key: string) => ({
      workspace_id: workspaceId,
      run_id: runId,
      record_id: randomUUID(),
      field: "email",
      capture_id: captureId,
      amount,
      idempotency_key: key,
    });
    /** A capture of `spent` with its postings, then `charges` in a later statement of the same transaction. */
    const capture = (key: string, spent: number, charges: Array<[number, string]>) =>
      t.db.transaction().execute(async (trx) => {
        const tx = await trx
          .insertInto("credit_transactions")
          .values({
            workspace_id: workspaceId,
            kind: "capture",
            idempotency_key: key,
            run_id: runId,
            hold_id: holdId,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await trx
          .insertInto("credit_postings")
          .values([
            { transaction_id: tx.id, workspace_id: workspaceId, account: "held", amount: -spent },
            { transaction_id: tx.id, workspace_id: workspaceId, account: "spent", amount: spent },
          ])
          .execute();
        if (charges.length > 0) {
          await trx
            .insertInto("credit_charges")
            .values(charges.map(([amount, k]) => charge(tx.id, amount, k)))
            .execute();
        }
        return tx.id;
      });
    // Spends 3, pays for 2: refused as the charges are written; with none at all, refused at commit.
    await expect(capture("c1", 3, [[2, "v1"]])).rejects.toThrow(/must be written with it/);
    await expect(capture("c2", 3, [])).rejects.toThrow(/spends 3 but its charges sum to 0/);
    const ok = await capture("c3", 3, [
      [1, "v2"],
      [2, "v3"],
    ]);
    // A later charge on a committed capture is refused: its charges would no longer sum to what it spends.
    const later = t.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("credit_charges")
        .values(charge(ok, 1, "v4"))
        .execute();
    });
    await expect(later).rejects.toThrow(/must be written with it/);
    // Another run's value on this capture is refused too.
    const otherRun = t.db
      .insertInto("credit_charges")
      .values({ ...charge(ok, 1, "v5"), run_id: randomUUID() })
      .execute();
    await expect(otherRun).rejects.toThrow(/must be written with it/);
    await expect(
      t.db.updateTable("credit_charges").set({ amount: 5 }).where("capture_id", "=", ok).execute(),
    ).rejects.toThrow(/append-only/);
    expect(await getBalance(ledgerCtx(t.db, workspaceId))).toEqual({ available: 0, held: 7, spent: 3 });
    // Deleting the workspace takes the charges with the rest of its ledger.
    await t.db.deleteFrom("workspaces").where("id", "=", workspaceId).execute();
    const left = await t.db
      .selectFrom("credit_charges")
      .where("capture_id", "=", ok)
      .select("amount")
      .execute();
    expect(left).toEqual([]);
  });

  it("keeps ledger rows append-only", async () => {
    const workspaceId = await workspaceWithCredits(t.db, 5);
    await expect(
      t.db
        .updateTable("credit_postings")
        .set({ amount: 500 })
        .where("workspace_id", "=", workspaceId)
        .execute(),
    ).rejects.toThrow(/append-only/);
    await expect(
      t.db.deleteFrom("credit_transactions").where("workspace_id", "=", workspaceId).execute(),
    ).rejects.toThrow(/append-only/);
    expect((await getBalance(ledgerCtx(t.db, workspaceId))).available).toBe(5);
    // Deleting the workspace still takes its ledger with it.
    await t.db.deleteFrom("workspaces").where("id", "=", workspaceId).execute();
    expect(await transactionSums(t.db, workspaceId)).toEqual([]);
  });
});
