import { randomUUID } from "node:crypto";
import { AppError } from "@quarry/core/app-error";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ledgerCtx, transactionSums, workspaceWithCredits } from "../testing/fixtures.ts";
import { captureHold } from "./capture-hold.ts";
import { getBalance } from "./get-balance.ts";
import { placeHold } from "./place-hold.ts";
import { releaseHold } from "./release-hold.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

async function holdFor(workspaceId: string, amount: number) {
  const runId = randomUUID();
  const hold = await placeHold(ledgerCtx(t.db, workspaceId), {
    amount,
    idempotencyKey: `hold:${runId}:1`,
    runId,
    memo: "",
  });
  const capture = (recordId: string, cost: number, key = `capture:${runId}:${recordId}:email`) =>
    captureHold(ledgerCtx(t.db, workspaceId), {
      holdId: hold.holdId,
      amount: cost,
      idempotencyKey: key,
      runId,
      recordId,
      field: "email",
      provider: "hunter",
    });
  return { runId, holdId: hold.holdId, capture };
}

describe("placeHold", () => {
  it("moves credits from available to held and returns the first hold for a repeated key", async () => {
    const workspaceId = await workspaceWithCredits(t.db, 10);
    const input = { amount: 4, idempotencyKey: "hold:a", runId: null, memo: "Batch" };
    const first = await placeHold(ledgerCtx(t.db, workspaceId), input);
    expect(first.amount).toBe(4);
    expect(await placeHold(ledgerCtx(t.db, workspaceId), input)).toEqual(first);
    expect(await getBalance(ledgerCtx(t.db, workspaceId))).toEqual({ available: 6, held: 4, spent: 0 });
  });

  it("refuses to overdraw with a message saying how many credits there are and are needed", async () => {
    const workspaceId = await workspaceWithCredits(t.db, 10);
    const error = await placeHold(ledgerCtx(t.db, workspaceId), {
      amount: 11,
      idempotencyKey: "hold:big",
      runId: null,
      memo: "",
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: "CONFLICT",
      message: "Not enough credits: 10 available, 11 needed.",
    });
    expect(await getBalance(ledgerCtx(t.db, workspaceId))).toEqual({ available: 10, held: 0, spent: 0 });
  });

  it("never overdraws when 20 holds race for 10 credits", async () => {
    const workspaceId = await workspaceWithCredits(t.db, 10);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        placeHold(ledgerCtx(t.db, workspaceId), {
          amount: 1,
          idempotencyKey: `hold:race:${i}`,
          runId: null,
          memo: "",
        }),
      ),
    );
    const refused = results.filter((r) => r.status === "rejected");
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(10);
    expect(refused).toHaveLength(10);
    for (const r of refused) expect(String(r.reason)).toContain("Not enough credits: 0 available, 1 needed.");
    expect(await getBalance(ledgerCtx(t.db, workspaceId))).toEqual({ available: 0, held: 10, spent: 0 });
  });

  it("places one hold when the same key races with itself", async () => {
    const workspaceId = await workspaceWithCredits(t.db, 10);
    const input = { amount: 3, idempotencyKey: "hold:dup", runId: null, memo: "" };
    const results = await Promise.all(
      Array.from({ length: 8 }, () => placeHold(ledgerCtx(t.db, workspaceId), input)),
    );
    expect(new Set(results.map((r) => r.holdId)).size).toBe(1);
    expect(await getBalance(ledgerCtx(t.db, workspaceId))).toEqual({ available: 7, held: 3, spent: 0 });
  });
});

describe("captureHold", () => {
  it("charges a (run, record, field) once, for a retried key or a duplicate job with another key", async () => {
    const workspaceId = await workspaceWithCredits(t.db, 10);
    const { capture } = await holdFor(workspaceId, 10);
    const recordId = randomUUID();
    expect(await capture(recordId, 3)).toEqual({ captured: true });
    expect(await capture(recordId, 3)).toEqual({ captured: true });
    expect(await capture(recordId, 3, "capture:other-worker")).toEqual({ captured: true });
    const raced = await Promise.all(Array.from({ length: 5 }, () => capture(recordId, 3)));
    expect(raced).toEqual(Array(5).fill({ captured: true }));
    expect(await getBalance(ledgerCtx(t.db, workspaceId))).toEqual({ available: 0, held: 7, spent: 3 });
    expect((await transactionSums(t.db, workspaceId)).filter((x) => x.kind === "capture")).toHaveLength(1);
  });

  it("refuses, whole, a capture larger than the hold's remainder", async () => {
    const workspaceId = await workspaceWithCredits(t.db, 10);
    const { capture } = await holdFor(workspaceId, 5);
    expect(await capture(randomUUID(), 4)).toEqual({ captured: true });
    const overdraft = randomUUID();
    expect(await capture(overdraft, 2)).toEqual({ captured: false });
    expect(await getBalance(ledgerCtx(t.db, workspaceId))).toEqual({ available: 5, held: 1, spent: 4 });
    // Refused means nothing recorded: the same key can capture what does fit.
    expect(await capture(overdraft, 1)).toEqual({ captured: true });
    expect(await getBalance(ledgerCtx(t.db, workspaceId))).toEqual({ available: 5, held: 0, spent: 5 });
  });

  it("does not find a hold of another workspace, or a hold of another run", async () => {
    const mine = await workspaceWithCredits(t.db, 10);
    const theirs = await workspaceWithCredits(t.db, 10);
    const { holdId, runId } = await holdFor(theirs, 5);
    const input = {
      holdId,
      amount: 1,
      idempotencyKey: "c",
      runId,
      recordId: randomUUID(),
      field: "email",
      provider: "p",
    };
    await expect(captureHold(ledgerCtx(t.db, mine), input)).rejects.toThrow("Hold not found");
    await expect(releaseHold(ledgerCtx(t.db, mine), { holdId, idempotencyKey: "r" })).rejects.toThrow(
      "Hold not found",
    );
    await expect(captureHold(ledgerCtx(t.db, theirs), { ...input, runId: randomUUID() })).rejects.toThrow(
      "holdId names a hold of another run",
    );
    expect(await getBalance(ledgerCtx(t.db, theirs))).toEqual({ available: 5, held: 5, spent: 0 });
  });
});

describe("releaseHold", () => {
  it("returns exactly the remainder, once, and a late capture after it is refused", async () => {
    const workspaceId = await workspaceWithCredits(t.db, 10);
    const { runId, holdId, capture } = await holdFor(workspaceId, 8);
    await capture(randomUUID(), 3);
    const release = { holdId, idempotencyKey: `release:${runId}:1` };
    expect(await releaseHold(ledgerCtx(t.db, workspaceId), release)).toEqual({ released: 5 });
    expect(await releaseHold(ledgerCtx(t.db, workspaceId), release)).toEqual({ released: 5 });
    expect(
      await releaseHold(ledgerCtx(t.db, workspaceId), { ...release, idempotencyKey: "release:again" }),
    ).toEqual({ released: 0 });
    expect(await capture(randomUUID(), 1)).toEqual({ captured: false });
    expect(await getBalance(ledgerCtx(t.db, workspaceId))).toEqual({ available: 7, held: 0, spent: 3 });
  });
});
